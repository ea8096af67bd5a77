"""Names stay out of logs; retention and erasure remove files from storage."""

import os
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from inquiries.models import AccessLog, Inquiry, InquiryEvent, InquiryFile, OutboxEmail
from inquiries.retention import inquiry_erase, months_before
from inquiries.staged_files import staged_files_add
from inquiries.triage import inquiry_add_note, inquiry_transition

from .samples import PATIENT_NAME, stored_files


def test_str_never_contains_the_patient_name(make_inquiry, checked):
    inquiry = make_inquiry(checked_uploads=checked)
    assert str(inquiry) == inquiry.reference
    for obj in [*inquiry.files.all(), *inquiry.events.all(), *inquiry.emails.all()]:
        assert PATIENT_NAME not in str(obj)
        assert "report" not in str(obj)  # filenames can hold names too


def test_the_admin_log_never_contains_the_patient_name(
    client, coordinator, make_inquiry
):
    inquiry = make_inquiry()
    client.force_login(coordinator)
    base = f"/admin/inquiries/inquiry/{inquiry.pk}"
    client.post(
        f"{base}/change/",
        {"action": "save", "to_status": "triaged", "assignee": str(coordinator.pk),
         "priority": "1", "note": f"Called {PATIENT_NAME}"},
    )  # fmt: skip
    client.post(
        "/admin/inquiries/inquiry/",
        {"action": "mark_as_spam", "_selected_action": [inquiry.pk]},
    )
    client.post(f"{base}/erase/")
    entries = LogEntry.objects.all()
    assert entries.count() >= 2  # spam and erasure
    for entry in entries:
        assert entry.object_repr == inquiry.reference
        assert PATIENT_NAME not in entry.change_message
    assert client.get("/admin/").content.count(PATIENT_NAME.encode()) == 0


def closed_long_ago(inquiry, months):
    Inquiry.objects.filter(pk=inquiry.pk).update(
        status="closed",
        outcome="referred",
        closed_at=months_before(timezone.now(), months) - timedelta(days=1),
    )


def test_retention_dry_run_deletes_nothing(make_inquiry, checked, private_root, capsys):
    old = make_inquiry(checked_uploads=checked)
    closed_long_ago(old, 25)
    call_command("delete_closed_inquiries", "--dry-run")
    assert "1 inquiries" in capsys.readouterr().out
    assert Inquiry.objects.count() == 1
    assert len(stored_files(private_root)) == 2


def test_retention_deletes_old_closed_inquiries_with_their_files(
    make_inquiry, checked, private_root, settings, django_capture_on_commit_callbacks
):
    settings.INQUIRY_RETENTION_MONTHS = 24
    old = make_inquiry(checked_uploads=checked)
    closed_long_ago(old, 24)
    recent = make_inquiry()
    closed_long_ago(recent, 6)
    still_open = make_inquiry()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_closed_inquiries", verbosity=0)
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        recent.pk,
        still_open.pk,
    }
    assert stored_files(private_root) == []
    assert not InquiryFile.objects.exists()
    assert not OutboxEmail.objects.filter(inquiry__isnull=True).exists()
    assert not InquiryEvent.objects.filter(inquiry_id=old.pk).exists()


def test_retention_months_can_be_given_on_the_command_line(make_inquiry):
    inquiry = make_inquiry()
    closed_long_ago(inquiry, 3)
    call_command("delete_closed_inquiries", "--months", "2", verbosity=0)
    assert not Inquiry.objects.exists()


def test_erasure_removes_personal_data_and_files_and_keeps_a_stub(
    make_inquiry,
    checked,
    coordinator,
    private_root,
    indication,
    guide,
    django_capture_on_commit_callbacks,
):
    inquiry = make_inquiry(checked_uploads=checked, source_guide=guide)
    inquiry_add_note(inquiry=inquiry, actor=coordinator, text="Husband called.")
    AccessLog.objects.create(user=coordinator, username="coordinator", inquiry=inquiry)
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_erase(inquiry=inquiry, actor=coordinator)
    inquiry.refresh_from_db()
    assert stored_files(private_root) == []
    assert not inquiry.files.exists() and not inquiry.emails.exists()
    assert inquiry.patient_name == inquiry.email == inquiry.phone == ""
    assert inquiry.current_condition == inquiry.questions == ""
    assert inquiry.treatments == [] and inquiry.diagnosis_year is None
    assert not inquiry.events.exclude(note="").exists()
    # The anonymous stub for statistics.
    assert inquiry.cancer_type == indication and inquiry.country == "GB"
    assert inquiry.source_guide == guide and inquiry.received_at
    assert inquiry.status == "closed" and inquiry.outcome == "withdrawn"
    assert inquiry.erased_at is not None
    assert inquiry.events.filter(kind="erased").exists()
    # Erasing twice is harmless.
    assert inquiry_erase(inquiry=inquiry, actor=coordinator).erased_at


def test_erasure_from_the_admin_needs_confirmation(
    client, coordinator, make_inquiry, checked, django_capture_on_commit_callbacks
):
    inquiry = make_inquiry(checked_uploads=checked)
    client.force_login(coordinator)
    url = f"/admin/inquiries/inquiry/{inquiry.pk}/erase/"
    page = client.get(url)
    assert page.status_code == 200 and b"Yes, erase" in page.content
    assert Inquiry.objects.get().erased_at is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"confirm": "yes"})
    assert Inquiry.objects.get().erased_at is not None


def test_erasure_is_refused_to_other_roles(client, medical_editor, make_inquiry):
    inquiry = make_inquiry()
    client.force_login(medical_editor)
    response = client.post(f"/admin/inquiries/inquiry/{inquiry.pk}/erase/")
    assert response.status_code == 403
    assert Inquiry.objects.get().erased_at is None


def test_a_closed_inquiry_can_be_erased_and_keeps_its_outcome(
    make_inquiry, coordinator
):
    inquiry = make_inquiry()
    inquiry_transition(
        inquiry=inquiry, to_status="closed", outcome="referred", actor=coordinator
    )
    inquiry = inquiry_erase(inquiry=inquiry, actor=coordinator)
    assert inquiry.outcome == "referred"


@pytest.fixture
def staged_file(db, checked):
    (row,) = staged_files_add(
        checked_uploads=checked[:1], staging_key="k", session_hash="s"
    )
    return row


def test_stale_staged_files_and_orphans_are_cleaned(
    staged_file, private_root, django_capture_on_commit_callbacks
):
    orphan = private_root / "ab" / "orphan.pdf"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"%PDF-1.4 left by a crash")
    call_command("clean_staged_uploads", "--dry-run", verbosity=0)
    assert len(stored_files(private_root)) == 2  # too recent to touch

    long_ago = timezone.now() - timedelta(days=2)
    InquiryFile.objects.update(uploaded_at=long_ago)
    for path in stored_files(private_root):
        os.utime(path, (long_ago.timestamp(), long_ago.timestamp()))
    call_command("clean_staged_uploads", "--dry-run", verbosity=0)
    assert len(stored_files(private_root)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_staged_uploads", verbosity=0)
    assert stored_files(private_root) == []
    assert not InquiryFile.objects.exists()


def test_attached_files_are_never_cleaned_as_stale(
    make_inquiry, checked, private_root, django_capture_on_commit_callbacks
):
    make_inquiry(checked_uploads=checked)
    InquiryFile.objects.update(uploaded_at=timezone.now() - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_staged_uploads", verbosity=0)
    assert len(stored_files(private_root)) == 2
