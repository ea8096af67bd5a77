"""Forms caught by the spam trap are held for coordinators, never dropped."""

import os
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from inquiries.models import HeldSubmission, Inquiry, InquiryFile

from .samples import PATIENT_NAME, stored_files, upload
from .test_submit import post

CHANGELIST = "/admin/inquiries/heldsubmission/"
TRAP = {"website": "https://autofilled.example"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(client, form_data, pdf_bytes, mailoutbox):
    response = post(client, {**form_data, **TRAP}, files=[upload("ct.pdf", pdf_bytes)])
    assert response.status_code == 302
    return HeldSubmission.objects.get()


def test_a_held_submission_keeps_its_files_and_sends_no_email(held, private_root):
    assert held.trap_value == TRAP["website"]
    files = InquiryFile.objects.filter(staging_key=held.staging_key)
    assert [f.original_name for f in files] == ["ct.pdf"]
    assert len(stored_files(private_root)) == 1
    assert mail.outbox == []
    assert not Inquiry.objects.exists()


def test_an_invalid_form_with_the_trap_filled_shows_its_errors(client, form_data):
    response = post(client, {**form_data, **TRAP, "email": "not-an-address"})
    assert response.status_code == 200
    assert "Enter an e-mail address like name@example.com." in response.content.decode()
    assert not HeldSubmission.objects.exists()


def test_coordinators_see_held_submissions_and_others_do_not(
    client, held, coordinator, medical_editor
):
    client.force_login(coordinator)
    listing = client.get(CHANGELIST)
    assert listing.status_code == 200
    assert "daughter@example.com" in listing.content.decode()
    page = client.get(f"{CHANGELIST}{held.pk}/change/")
    assert PATIENT_NAME in page.content.decode()
    client.force_login(medical_editor)
    assert client.get(CHANGELIST).status_code == 403


def test_a_coordinator_releases_a_held_submission_into_the_queue(
    client, held, coordinator, mailoutbox
):
    client.force_login(coordinator)
    response = client.post(
        CHANGELIST,
        {"action": "release", "_selected_action": [held.pk]},
        follow=True,
    )
    inquiry = Inquiry.objects.get()
    assert f"Released as inquiry {inquiry.reference}." in response.content.decode()
    assert inquiry.patient_name == PATIENT_NAME
    assert inquiry.cancer_type is not None
    assert [f.original_name for f in inquiry.files.all()] == ["ct.pdf"]
    held.refresh_from_db()
    assert held.released_at is not None and held.inquiry == inquiry
    assert inquiry.emails.count() == 2  # the acknowledgement and the alert, now


def test_deleting_as_spam_removes_the_files(
    client, held, coordinator, private_root, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            CHANGELIST, {"action": "delete_as_spam", "_selected_action": [held.pk]}
        )
    assert not HeldSubmission.objects.exists()
    assert not InquiryFile.objects.exists()
    assert stored_files(private_root) == []


def test_the_hourly_cleanup_keeps_held_files_until_their_time(held, settings):
    day_old = timezone.now() - timedelta(days=2)
    InquiryFile.objects.update(uploaded_at=day_old)
    call_command("clean_staged_uploads", verbosity=0)
    assert InquiryFile.objects.count() == 1
    HeldSubmission.objects.update(
        received_at=timezone.now() - timedelta(days=settings.INQUIRY_HELD_DAYS + 1)
    )
    call_command("clean_staged_uploads", verbosity=0)
    assert not HeldSubmission.objects.exists()
    assert not InquiryFile.objects.exists()


def test_upload_temporary_files_left_by_a_killed_worker_are_swept(
    settings, private_root
):
    """Django spools big uploads into FILE_UPLOAD_TEMP_DIR; it lives in the
    private folder, so the cleanup finds what a killed worker left there."""
    from cancerfax.settings import base

    assert base.FILE_UPLOAD_TEMP_DIR.parent == base.INQUIRY_PRIVATE_ROOT
    temp = private_root / "tmp"
    temp.mkdir(parents=True)
    leftover = temp / "tmpab12cd.upload.pdf"
    leftover.write_bytes(b"%PDF-1.7 " + b"x" * 11_000_000)
    recent = temp / "tmpef34gh.upload.pdf"
    recent.write_bytes(b"%PDF-1.7 in progress")
    two_hours_ago = time.time() - 7200
    os.utime(leftover, (two_hours_ago, two_hours_ago))
    call_command("clean_staged_uploads", verbosity=0)
    assert not leftover.exists()
    assert recent.exists()  # an upload being read right now stays
