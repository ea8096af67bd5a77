from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reviews.admin_content import ReviewedContentAdminMixin

from .models import TrustPage


@admin.register(TrustPage)
class TrustPageAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "lede", "body"]}),
        (
            _("Contact details (contact page only)"),
            {
                "fields": ["phone", "email", "messaging", "hours"],
                "description": _(
                    "The thank-you page and the e-mails to patients show these."
                ),
            },
        ),
        (_("Search engines"), {"fields": ["meta_description"]}),
    ]
