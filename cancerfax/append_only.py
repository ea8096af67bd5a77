"""Rows written once and never changed: a correction is a new row, never an edit.

Review records, reviewer changes and clinicians' assessments are evidence of who
said what and when. Each model names its own refusal messages.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(PermissionDenied):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes too, not only ``save()`` and ``delete()`` of one row."""

    def update(self, **kwargs):
        raise AppendOnlyError(self.model.refuse_change)

    def delete(self):
        raise AppendOnlyError(self.model.refuse_delete)

    delete.queryset_only = True

    def erase_for_person(self):
        """Delete on a person's erasure request: the only deliberate delete."""
        return super().delete()


class AppendOnlyModel(models.Model):
    refuse_change = _("These records cannot be changed; add a new record instead.")
    refuse_delete = _("These records cannot be deleted.")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's internal reads and writes use the base manager: make it refuse
        # bulk changes too.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(self.refuse_change)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(self.refuse_delete)
