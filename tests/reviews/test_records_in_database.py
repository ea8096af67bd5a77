"""The database refuses changes to review records and to versions patients saw.

Raw SQL and querysets that bypass the models' own refusal meet triggers
(``cancerfax.append_only_triggers``) on SQLite and PostgreSQL alike; what the
review workflow still does to an approved version (supersede it) keeps working.
"""

import pytest
from django.db.models import QuerySet

from reviews.capture import version_capture
from reviews.models import (
    ContentVersion,
    ReviewComment,
    ReviewerChange,
    ReviewRecord,
    ReviewRecordReviewer,
)
from reviews.services import version_approve, version_request_changes
from tests.append_only_db import ONLY_POSTGRESQL, execute, refused, refused_sql
from tests.factories import FaqEntryFactory, ReviewerFactory

pytestmark = pytest.mark.django_db
Status = ContentVersion.Status


def approved(entry, answer=None):
    if answer is not None:
        entry.answer = answer
        entry.save()
    version = version_capture(obj=entry, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    version.refresh_from_db()
    return version


@pytest.fixture
def entry():
    return FaqEntryFactory()


@pytest.fixture
def version(entry):
    return approved(entry)


@pytest.fixture
def commented():
    version = version_capture(obj=FaqEntryFactory(), user=None)
    return version_request_changes(
        version=version,
        user=None,
        reviewers=[ReviewerFactory()],
        notes="Cite the trial",
        comments=[("section-1", "Answer", "Which trial?")],
    )


RECORD_TABLES = {
    "reviews_reviewrecord": ("notes", ReviewRecord),
    "reviews_reviewrecordreviewer": ("name", ReviewRecordReviewer),
    "reviews_reviewcomment": ("text", ReviewComment),
    "reviews_reviewerchange": ("changes", ReviewerChange),
}


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_raw_sql_cannot_change_or_delete_records_signatures_or_comments(
    table, commented
):
    """A raw UPDATE or DELETE of any review record, signature, comment or
    profile change is refused by the database, on both engines."""
    reviewer = commented.reviewers.get()
    ReviewerChange.objects.create(reviewer=reviewer, changed_by=None, changes={})
    column, model = RECORD_TABLES[table]
    value = '{"name": ["A", "B"]}' if column == "changes" else "Rewritten"
    refused_sql(f'UPDATE "{table}" SET "{column}" = %s', [value])  # noqa: S608
    refused_sql(f'DELETE FROM "{table}"')  # noqa: S608
    assert model.objects.count() == 1
    assert ReviewRecord.objects.get().notes == "Cite the trial"


def test_querysets_that_bypass_the_model_are_refused_by_the_database(
    commented, version
):
    """Django's own cascades use plain querysets: the database refuses them."""
    for model in (ReviewComment, ReviewRecordReviewer, ReviewRecord):
        refused(lambda model=model: QuerySet(model).update(id=999))
    refused(QuerySet(ReviewComment).delete)
    refused(QuerySet(ReviewRecordReviewer).delete)
    # A record with comments is kept by PROTECT before the database is asked.
    refused(QuerySet(ReviewRecord).exclude(pk=commented.pk).delete)
    assert ReviewRecord.objects.count() == 2


def test_an_approved_snapshot_cannot_be_rewritten_by_update_save_or_sql(version):
    """The issue's case: ``update()`` rewrote what patients were shown."""
    versions = ContentVersion.objects.filter(pk=version.pk)
    refused(lambda: versions.update(snapshot={"question": "Rewritten"}))
    refused(lambda: versions.update(title="Rewritten", note="Rewritten"))
    version.snapshot = {"question": "Rewritten"}
    refused(version.save)
    refused_sql(
        "UPDATE reviews_contentversion SET snapshot = %s WHERE id = %s",
        ['{"question": "Rewritten"}', version.pk],
    )
    refused_sql(
        "UPDATE reviews_contentversion SET schema_version = 9 WHERE id = %s",
        [version.pk],
    )
    refused_sql("DELETE FROM reviews_contentversion WHERE id = %s", [version.pk])
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert version.title != "Rewritten" and "Rewritten" not in str(version.snapshot)


def test_an_approved_version_without_records_cannot_be_deleted(entry):
    """Records protect their version from Django's delete; the database
    protects one approved without a record too (as imported content is)."""
    version = ContentVersion.for_object(
        entry, number=1, title="Imported", snapshot={}, status=Status.APPROVED
    )
    version.save()
    refused(ContentVersion.objects.filter(pk=version.pk).delete)
    refused(version.delete)
    assert ContentVersion.objects.filter(pk=version.pk).exists()


def test_an_approved_version_may_only_be_superseded(version):
    for status in (Status.PENDING, Status.CHANGES_REQUESTED, Status.WITHDRAWN):
        refused(
            lambda status=status: ContentVersion.objects.filter(pk=version.pk).update(
                status=status
            )
        )
    assert ContentVersion.objects.filter(pk=version.pk).update(status=Status.SUPERSEDED)


def test_approving_a_new_version_supersedes_the_old_one_which_stays_frozen(
    entry, version
):
    """The workflow's own move still works; afterwards the old approved
    version is history that nothing changes, not even back to approved."""
    newer = approved(entry, answer="A newer answer")
    version.refresh_from_db()
    assert version.status == Status.SUPERSEDED and newer.status == Status.APPROVED
    old = ContentVersion.objects.filter(pk=version.pk)
    refused(lambda: old.update(snapshot={}))
    refused(lambda: old.update(status=Status.PENDING))
    refused_sql("DELETE FROM reviews_contentversion WHERE id = %s", [version.pk])


def test_versions_patients_never_saw_are_not_frozen(entry, version):
    """Only approved versions are evidence: one still waiting for review, or
    superseded before any approval, is not guarded."""
    entry.answer = "Draft one"
    entry.save()
    waiting = version_capture(obj=entry, user=None)
    assert execute(
        "UPDATE reviews_contentversion SET note = 'n' WHERE id = %s", [waiting.pk]
    )
    entry.answer = "Draft two"
    entry.save()
    version_capture(obj=entry, user=None)
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPERSEDED
    assert execute("DELETE FROM reviews_contentversion WHERE id = %s", [waiting.pk])


@ONLY_POSTGRESQL
def test_truncate_is_refused_on_postgresql(version):
    """SQLite has no TRUNCATE; PostgreSQL's skips row triggers, so it has its own."""
    execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE waits for no FK check
    for table in ("reviews_contentversion", *RECORD_TABLES):
        refused_sql(f'TRUNCATE "{table}" CASCADE')
    assert ContentVersion.objects.filter(pk=version.pk).exists()
