"""The admin refuses ids no integer column can hold instead of sending them on.

A form posting ``groups=99999999999999999999999``, a change list at ``?id__in=…``
or an action on such a selected row answered 500 (see ``cancerfax.ids``). The
project's admin site gives every registered admin ``IdsInRangeAdminMixin``, so the
stock ``auth`` admins and any new one are covered without opting in; a form field
declared by hand uses ``cancerfax.ids.IdsInRangeField`` itself.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP

from .ids import IdsInRangeField, id_in_range, id_possible

COMPARISONS = {"in", "exact", "gt", "gte", "lt", "lte"}


class IdsInRangeChangeList(ChangeList):
    """A filter by an impossible id is an incorrect lookup (the admin's ``?e=1``)."""

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for key, values in lookup_params.items():
            path, _, last = key.rpartition(LOOKUP_SEP)
            if last not in COMPARISONS:
                path = key  # "groups=1" is "groups__exact=1"
            try:
                field = get_fields_from_path(self.model, path)[-1]
            except (FieldDoesNotExist, NotRelationField):
                continue  # Django's own checks refuse or ignore it
            for value in values if isinstance(values, list) else [values]:
                items = value.split(",") if last == "in" else [value]
                if not all(id_in_range(field, item) for item in items):
                    raise IncorrectLookupParameters(f"{key}={value} is out of range")
        return lookup_params


class PossibleIdsAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete looks the posted id up as it is to show it again on
    a page with errors: ``:`` or an id past the column's range answered 500. Such
    an id is shown as no choice; the form field reports it invalid."""

    def optgroups(self, name, value, attr=None):
        value = [v for v in value if v in ("", None) or id_possible(self.field, v)]
        return super().optgroups(name, value, attr)


class PossibleIdsAutocompleteMixin:
    """For a model admin or an inline with ``autocomplete_fields``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = PossibleIdsAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class IdsInRangeAdminMixin(PossibleIdsAutocompleteMixin):
    """Many-to-many fields, change-list filters and actions of one admin."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", IdsInRangeField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        # An admin with a change list of its own keeps it (and its own checks).
        return IdsInRangeChangeList if changelist is ChangeList else changelist

    def response_action(self, request, queryset):
        # Rows with an impossible id cannot exist: act as if they were not ticked.
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        possible = [pk for pk in selected if id_in_range(self.model._meta.pk, pk)]
        if possible != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, possible)
        return super().response_action(request, queryset)


class CancerfaxAdminSite(admin.AdminSite):
    """The default site (``cancerfax.apps.CancerfaxAdminConfig``).

    Each admin class registered on it is given ``IdsInRangeAdminMixin`` as it is
    registered, so admins the project does not write (``django.contrib.auth``'s)
    and each new one are covered without having to remember it.
    """

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, IdsInRangeAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (IdsInRangeAdminMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)
