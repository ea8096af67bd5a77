"""The queue's own filters: assignee, country, overdue."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cancerfax.numbers import is_whole

from .models import Inquiry
from .queue import countries_present
from .selectors import coordinators


class AssigneeFilter(admin.SimpleListFilter):
    title = gettext_lazy("assignee")
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        return [
            ("mine", _("Assigned to me")),
            ("none", _("Unassigned")),
            *((str(user.pk), user.get_display_name()) for user in coordinators()),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "mine":
            return queryset.filter(assignee=request.user)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if is_whole(value):
            return queryset.filter(assignee_id=int(value))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    title = gettext_lazy("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return countries_present()

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class OverdueFilter(admin.SimpleListFilter):
    title = gettext_lazy("first response")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(pk__in=Inquiry.objects.overdue().values("pk"))
        return queryset
