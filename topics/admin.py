from django.contrib import admin

from reviews.admin_content import ReviewedContentAdminMixin

from .models import Topic


@admin.register(Topic)
class TopicAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order"]
