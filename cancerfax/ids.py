"""Ids no integer column can hold, refused where a form receives them.

Since Django 5.0 an ``exact`` lookup treats such a value as matching nothing, but
``in`` passes it to the database, which fails (OverflowError on SQLite, an operator
error on PostgreSQL). ``ModelMultipleChoiceField`` looks its posted ids up with
``in``, so a tampered post answered 500; ``IdsInRangeField`` answers it as an
invalid value instead. The admin uses it for every many-to-many field
(``cancerfax.admin_ids``); a form that declares a multiple choice of rows uses it
directly.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection


def id_in_range(field, value) -> bool:
    """False only for an integer ``field`` (or a relation to one) cannot hold."""
    field = getattr(field, "target_field", field)
    internal_type = field.get_internal_type()
    if internal_type not in connection.ops.integer_field_ranges:
        return True
    try:
        number = int(value)
    except (TypeError, ValueError):
        return True  # not an integer at all: the field's own validation answers
    low, high = connection.ops.integer_field_range(internal_type)
    return (low is None or number >= low) and (high is None or number <= high)


class IdsInRangeField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that reports an impossible id as invalid."""

    def _check_values(self, value):
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        for pk in value:
            if not id_in_range(field, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def id_possible(field, value) -> bool:
    """Whether ``value`` could be a row's id in ``field``: of the field's type and
    within its column's range."""
    target = getattr(field, "target_field", field)
    try:
        target.to_python(value)
    except ValidationError:
        return False
    return id_in_range(target, value)
