from django.contrib import admin

from reviews.admin_content import ReviewedContentAdminMixin

from .models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["term", "expansion", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["term", "expansion", "also_matches", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    fields = ["term", "slug", "expansion", "also_matches", "definition", "status"]
