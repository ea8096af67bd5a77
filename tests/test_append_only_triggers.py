"""The append-only triggers guard every column, and only ``erasure_allowed()``
lets a change past them, for its own block and transaction only."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from cancerfax.append_only import erasure_allowed
from cancerfax.append_only_triggers import trigger_names
from casework.models import Assessment
from inquiries.models import AccessLog
from inquiries.services import access_log_record
from reviews.models import (
    ContentVersion,
    ReviewComment,
    ReviewerChange,
    ReviewRecord,
    ReviewRecordReviewer,
)
from tests.append_only_db import execute, refused_sql

PROTECTED = [
    ContentVersion,
    ReviewRecord,
    ReviewRecordReviewer,
    ReviewComment,
    ReviewerChange,
    Assessment,
    Assessment.suggested_centres.through,
    AccessLog,
]


def update_trigger_sql(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_get_functiondef(%s::regproc)",
                [trigger_names(table, "postgresql")[0]],
            )
            return cursor.fetchone()[0]
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            [trigger_names(table, "sqlite")[0]],
        )
        return cursor.fetchone()[0]


def installed_triggers(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass",
                [table],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = %s",
                [table],
            )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
@pytest.mark.parametrize("model", PROTECTED, ids=lambda m: m._meta.db_table)
def test_every_column_of_a_protected_table_is_guarded(model):
    """A column added later (or a SQLite rebuild that dropped the triggers)
    fails here until the migration that added it guards it again."""
    table = model._meta.db_table
    assert set(trigger_names(table, connection.vendor)) <= installed_triggers(table)
    guarded = update_trigger_sql(table)
    for field in model._meta.concrete_fields:
        assert f'OLD."{field.column}"' in guarded, field.column


@pytest.fixture
def entry(db, django_user_model):
    return access_log_record(user=None, action="export_csv", username="a@b.org")


def test_the_allowance_ends_with_its_block(entry):
    with transaction.atomic():
        with erasure_allowed():
            execute("UPDATE inquiries_accesslog SET detail = 'erased'")
        refused_sql("DELETE FROM inquiries_accesslog")
    assert AccessLog.objects.get().detail == "erased"


def test_the_allowance_dies_with_a_rollback(entry):
    with pytest.raises(ZeroDivisionError), erasure_allowed():
        execute("UPDATE inquiries_accesslog SET detail = 'erased'")
        1 / 0  # noqa: B018
    refused_sql("DELETE FROM inquiries_accesslog")
    assert AccessLog.objects.get().detail == ""


def test_an_inner_allowance_leaves_the_outer_one_in_place(entry):
    with erasure_allowed():
        with erasure_allowed():
            pass
        assert execute("DELETE FROM inquiries_accesslog") == 1


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_a_database_holding_protected_rows():
    """The suite flushes after every transactional test; on SQLite that is a
    DELETE per row, which the triggers would refuse."""
    access_log_record(user=None, action="export_csv", username="a@b.org")
    call_command("flush", interactive=False, verbosity=0)
    assert not AccessLog.objects.exists()
    access_log_record(user=None, action="export_csv", username="a@b.org")
    refused_sql("DELETE FROM inquiries_accesslog")  # the allowance ended too
