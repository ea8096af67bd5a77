"""Casework in the admin: the queue and workspace (``queue_admin``), the
clinician's desk (``clinician_admin``), treatment centres and message templates."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from . import clinician_admin, queue_admin  # noqa: F401 - they register themselves
from .models import MessageTemplate, TreatmentCentre


@admin.register(TreatmentCentre)
class TreatmentCentreAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country_column", "therapies", "is_active"]
    list_filter = ["is_active", "country"]
    search_fields = ["name", "city", "therapies"]
    fieldsets = [
        (None, {"fields": ["name", "city", "country", "therapies", "is_active"]}),
        (
            gettext_lazy("For coordinators"),
            {"fields": ["coordinator_contact", "notes"]},
        ),
    ]

    @admin.display(description=gettext_lazy("country"), ordering="country")
    def country_column(self, obj):
        return obj.country_name

    def has_delete_permission(self, request, obj=None):
        # Assessments name centres: retire one (inactive) instead.
        return False


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["purpose", "language", "excerpt"]
    list_filter = ["purpose", "language"]
    fields = ["purpose", "language", "body"]

    @admin.display(description=gettext_lazy("text"))
    def excerpt(self, obj):
        return obj.body[:80]
