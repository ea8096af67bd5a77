"""Rows that are written once and never changed: a correction is a new row."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(PermissionDenied):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes: a correction is a new row, never an edit."""

    def update(self, **kwargs):
        raise AppendOnlyError(_("Review records cannot be changed."))

    def delete(self):
        raise AppendOnlyError(_("Review records cannot be deleted."))

    delete.queryset_only = True


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's internal reads and writes use the base manager: make it refuse
        # bulk changes too.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                _("Review records cannot be changed; add a new record instead.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Review records cannot be deleted."))
