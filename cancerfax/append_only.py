"""Rows written once and never changed: a correction is a new row, never an edit.

Review records, reviewer changes and clinicians' assessments are evidence of who
said what and when. Each model names its own refusal messages. The database
refuses too (``cancerfax.append_only_triggers``), except inside
``erasure_allowed()``.
"""

import uuid
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils.translation import gettext_lazy as _

from .append_only_triggers import ALLOWED_SETTING


@contextmanager
def erasure_allowed(*, using: str = DEFAULT_DB_ALIAS):
    """The one way past the database's append-only triggers: erasing a person.

    Opens a transaction (a savepoint inside one) in which append-only rows may
    be deleted or changed; the allowance ends with the block and dies with a
    rollback. Used by ``inquiries.retention.inquiry_erase`` (erasure on request),
    ``inquiries.retention.inquiry_delete`` (the retention delete), ``flush``
    (emptying the whole database) and ``restore`` (emptying the rows ``migrate``
    wrote, before it loads a backup). Nothing else may use it.
    """
    connection = connections[using]
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT current_setting(%s, true)", [ALLOWED_SETTING])
                before = cursor.fetchone()[0] or ""
                cursor.execute("SELECT set_config(%s, 'on', true)", [ALLOWED_SETTING])
            else:
                token = uuid.uuid4().hex
                cursor.execute(
                    'INSERT INTO "cancerfax_append_only_allowance" ("token") '
                    "VALUES (%s)",
                    [token],
                )
        yield
        # After an exception the rollback has already undone the allowance.
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT set_config(%s, %s, true)", [ALLOWED_SETTING, before]
                )
            else:
                cursor.execute(
                    'DELETE FROM "cancerfax_append_only_allowance" WHERE "token" = %s',
                    [token],
                )


class AppendOnlyError(PermissionDenied):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes too, not only ``save()`` and ``delete()`` of one row."""

    def update(self, **kwargs):
        # Deleting a row an append-only row points to with SET_NULL (an account,
        # a superseded assessment) makes Django cut the link with update(): the
        # row keeps what it copied, and the database allows the same and no more.
        if kwargs and all(
            value is None and self._is_cuttable_link(name)
            for name, value in kwargs.items()
        ):
            return super().update(**kwargs)
        raise AppendOnlyError(self.model.refuse_change)

    def _is_cuttable_link(self, name):
        field = self.model._meta.get_field(name)
        on_delete = getattr(field.remote_field, "on_delete", None)
        return field.concrete and on_delete is models.SET_NULL

    def delete(self):
        raise AppendOnlyError(self.model.refuse_delete)

    delete.queryset_only = True

    def erase_for_person(self):
        """Delete on a person's erasure request: the only deliberate delete.

        The database refuses it outside ``erasure_allowed()``."""
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
