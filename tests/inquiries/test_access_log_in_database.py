"""The database refuses changes to the access log, on SQLite and PostgreSQL.

Links to a deleted account or inquiry are cut (the entry keeps the sign-in
name and the reference); nothing else about an entry changes.
"""

import pytest
from django.db.models import QuerySet

from inquiries.models import AccessLog
from inquiries.retention import inquiry_delete, inquiry_erase
from inquiries.services import access_log_record
from tests.append_only_db import ONLY_POSTGRESQL, execute, refused, refused_sql

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(make_inquiry, coordinator):
    return access_log_record(
        user=coordinator, action=AccessLog.Action.VIEW_INQUIRY, inquiry=make_inquiry()
    )


def test_raw_sql_cannot_change_or_delete_the_access_log(entry):
    refused_sql("UPDATE inquiries_accesslog SET username = 'someone-else'")
    refused_sql("DELETE FROM inquiries_accesslog")
    entry.refresh_from_db()
    assert entry.username == "coordinator@example.org"


def test_update_and_delete_through_the_orm_are_refused(entry):
    """The model has no Python guard: the database is the one refusing."""
    refused(lambda: AccessLog.objects.update(detail="nothing to see"))
    refused(AccessLog.objects.all().delete)
    refused(entry.delete)
    entry.action = AccessLog.Action.EXPORT_CSV
    refused(entry.save)
    assert AccessLog.objects.get().action == AccessLog.Action.VIEW_INQUIRY


def test_a_link_may_be_cut_but_never_pointed_elsewhere(
    entry, make_inquiry, medical_editor, coordinator
):
    other = make_inquiry(data={"email": "b@example.com"})
    refused(lambda: QuerySet(AccessLog).update(inquiry=other))
    refused(lambda: QuerySet(AccessLog).update(user=medical_editor))
    coordinator.delete()
    entry.refresh_from_db()
    assert entry.user is None and entry.username == "coordinator@example.org"


def test_erasure_and_retention_keep_the_log_and_cut_its_link(entry, coordinator):
    inquiry, reference = entry.inquiry, entry.reference
    inquiry_erase(inquiry=inquiry, actor=coordinator)
    inquiry_delete(inquiry=inquiry)
    entry.refresh_from_db()
    assert entry.inquiry is None and entry.reference == reference


@ONLY_POSTGRESQL
def test_truncate_is_refused_on_postgresql(entry):
    execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE waits for no FK check
    refused_sql("TRUNCATE inquiries_accesslog")
    assert AccessLog.objects.exists()
