from django.contrib import admin

from reviews.admin_content import ReviewedContentAdminMixin

from .models import FaqEntry


@admin.register(FaqEntry)
class FaqEntryAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["question", "topic", "order", "status", "updated_at"]
    list_filter = ["status", "topic"]
    list_select_related = ["topic"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    fields = ["question", "slug", "topic", "order", "status", "answer"]
