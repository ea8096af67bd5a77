from django.contrib import admin

from reviews.admin_content import ReviewedContentAdminMixin

from .models import Topic


@admin.register(Topic)
class TopicAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    # No list_editable order: Django's inline list inputs have no labels
    # (axe "label", critical); the order is set on the topic's page.
    list_display = ["name", "order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order"]
