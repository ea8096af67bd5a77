"""Review records are append-only: nobody changes or deletes one, anywhere."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from reviews.capture import version_capture
from reviews.models import AppendOnlyError, ReviewRecord, ReviewRecordReviewer
from reviews.services import version_approve
from tests.factories import FaqEntryFactory, ReviewerFactory

pytestmark = pytest.mark.django_db
ROLES = ["medical_editor", "medical_reviewer", "coordinator", "staff_without_role"]


@pytest.fixture
def record():
    version = version_capture(obj=FaqEntryFactory(), user=None)
    return version_approve(
        version=version, user=None, reviewers=[ReviewerFactory()], notes="Original"
    )


def unchanged(record):
    fresh = ReviewRecord.objects.get(pk=record.pk)
    return (
        fresh.notes == "Original"
        and fresh.outcome == ReviewRecord.Outcome.APPROVED
        and list(fresh.reviewers.all()) == list(record.reviewers.all())
    )


def test_saving_an_existing_record_is_refused(record):
    record.notes = "Rewritten"
    with pytest.raises(AppendOnlyError):
        record.save()
    assert unchanged(record)


def test_deleting_a_record_is_refused(record):
    with pytest.raises(AppendOnlyError):
        record.delete()
    assert unchanged(record)


def refused(action):
    # Each refusal in its own savepoint: some run inside Django's atomic blocks,
    # and a refusal there breaks the surrounding transaction, as it should.
    with pytest.raises(AppendOnlyError), transaction.atomic():
        action()


def test_bulk_update_and_delete_are_refused(record):
    records = ReviewRecord.objects.filter(pk=record.pk)
    refused(lambda: records.update(notes="Rewritten"))
    refused(lambda: ReviewRecord.objects.all().delete())
    refused(lambda: ReviewRecord._base_manager.filter(pk=record.pk).update(notes="x"))
    record.notes = "Rewritten"
    refused(lambda: ReviewRecord.objects.bulk_update([record], ["notes"]))
    assert unchanged(record)


def test_reviewers_of_a_record_cannot_be_removed_or_replaced(record):
    other = ReviewerFactory()
    refused(lambda: record.reviewers.clear())
    refused(lambda: record.reviewers.set([other]))
    refused(lambda: ReviewRecordReviewer.objects.all().delete())
    assert unchanged(record)


def test_a_reviewer_with_records_cannot_be_deleted(record):
    with pytest.raises(ProtectedError):
        record.reviewers.get().delete()


@pytest.mark.parametrize("role", [*ROLES, "superuser"])
def test_no_role_can_change_a_record_in_the_admin(client, request, record, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("admin:reviews_reviewrecord_change", args=[record.pk])
    page = client.get(url)
    if page.status_code == 200:  # those who may view get a read-only page
        html = page.content.decode()
        assert 'name="_save"' not in html
        assert 'name="notes"' not in html
    else:
        assert page.status_code == 403
    response = client.post(url, {"notes": "Rewritten", "outcome": "approved"})
    assert response.status_code == 403
    assert unchanged(record)


@pytest.mark.parametrize("role", [*ROLES, "superuser"])
def test_no_role_can_delete_a_record_in_the_admin(client, request, record, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("admin:reviews_reviewrecord_delete", args=[record.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:reviews_reviewrecord_changelist")
    client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )
    assert unchanged(record)


def test_superuser_sees_records_read_only_without_a_delete_action(
    client, superuser, record
):
    client.force_login(superuser)
    html = client.get(reverse("admin:reviews_reviewrecord_changelist")).content
    assert b"delete_selected" not in html
    assert client.get(reverse("admin:reviews_reviewrecord_add")).status_code == 403


def test_editors_and_reviewers_may_read_records(
    client, record, medical_editor, medical_reviewer
):
    url = reverse("admin:reviews_reviewrecord_change", args=[record.pk])
    for user in (medical_editor, medical_reviewer):
        client.force_login(user)
        assert "Original" in client.get(url).content.decode()
