"""Rows written once and never changed: a later assessment supersedes, never edits.

Only a person's erasure request (``erase_for_person``) and the retention delete
(the inquiry's cascade) remove them.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(PermissionDenied):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Assessments cannot be changed; record a new one."))

    def delete(self):
        raise AppendOnlyError(_("Assessments cannot be deleted."))

    delete.queryset_only = True

    def erase_for_person(self):
        """Delete on a person's erasure request: the only deliberate delete."""
        return super().delete()


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                _("Assessments cannot be changed; record a new one instead.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Assessments cannot be deleted."))
