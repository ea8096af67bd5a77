"""A deep check lost to a dead worker or a queue that was down is queued again by
the scheduled sweep, once, and no file is ever checked by two workers at once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import InquiryFile
from inquiries.scanning import attachment_check_claim, lost_checks_requeue
from inquiries.tasks import inquiry_files_check_lost

from .samples import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending_pdf(make_inquiry, pdf_bytes):
    """A stored PDF whose deep check was queued 20 minutes ago and never ran."""
    file = upload("report.pdf", pdf_bytes)
    inquiry = make_inquiry([CheckedUpload(file=file, info=inspect_upload(file))])
    row = inquiry.files.get()
    InquiryFile.objects.filter(pk=row.pk).update(
        checked_at=None, check_queued_at=timezone.now() - timedelta(minutes=20)
    )
    return row


def test_a_stored_file_records_when_its_check_was_queued(make_inquiry, pdf_bytes):
    file = upload("report.pdf", pdf_bytes)
    inquiry = make_inquiry([CheckedUpload(file=file, info=inspect_upload(file))])
    assert inquiry.files.get().check_queued_at is not None


def test_the_sweep_checks_a_file_whose_check_was_lost(
    pending_pdf, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = inquiry_files_check_lost.call()
    assert result == {"inquiries": [pending_pdf.inquiry_id]}
    pending_pdf.refresh_from_db()
    assert pending_pdf.checked_at is not None


def test_a_check_queued_recently_is_left_to_its_worker(
    pending_pdf, django_capture_on_commit_callbacks
):
    InquiryFile.objects.filter(pk=pending_pdf.pk).update(
        check_queued_at=timezone.now() - timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert inquiry_files_check_lost.call() == {"inquiries": []}
    pending_pdf.refresh_from_db()
    assert pending_pdf.checked_at is None


def test_two_sweeps_queue_a_lost_check_once(
    pending_pdf, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_files_check_lost.call()
        inquiry_files_check_lost.call()
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "inquiries.tasks.inquiry_files_check"
    ]


def test_of_two_workers_that_read_the_same_file_only_one_may_check_it(pending_pdf):
    first = InquiryFile.objects.get(pk=pending_pdf.pk)
    second = InquiryFile.objects.get(pk=pending_pdf.pk)
    assert attachment_check_claim(first)
    assert not attachment_check_claim(second)


def test_a_claim_older_than_the_retry_delay_is_taken_over(pending_pdf):
    assert attachment_check_claim(InquiryFile.objects.get(pk=pending_pdf.pk))
    InquiryFile.objects.filter(pk=pending_pdf.pk).update(
        check_queued_at=timezone.now() - timedelta(minutes=16)
    )
    stale = InquiryFile.objects.get(pk=pending_pdf.pk)
    stale.check_queued_at = None  # read before the lost worker's claim
    assert attachment_check_claim(stale)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED")
@pytest.mark.django_db(transaction=True)
def test_a_sweep_passes_over_files_another_sweep_holds(make_inquiry, pdf_bytes):
    file = upload("report.pdf", pdf_bytes)
    inquiry = make_inquiry([CheckedUpload(file=file, info=inspect_upload(file))])
    InquiryFile.objects.filter(inquiry=inquiry).update(
        checked_at=None, check_queued_at=timezone.now() - timedelta(minutes=20)
    )
    held, release = threading.Event(), threading.Event()

    def other_sweep():
        try:
            with transaction.atomic():
                list(InquiryFile.objects.select_for_update().filter(inquiry=inquiry))
                held.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_sweep)
    thread.start()
    try:
        assert held.wait(10)
        older_than = timezone.now() - timedelta(minutes=15)
        assert lost_checks_requeue(older_than=older_than) == []
    finally:
        release.set()
        thread.join()
