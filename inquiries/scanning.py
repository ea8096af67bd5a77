"""Deep checks of stored medical records, after the inquiry is safely stored.

The request only sniffs the first bytes and applies the size limits: a hostile
file can then cost the web process nothing. Each PDF is parsed afterwards by
qpdf (``inquiries/pdfscan.py``) in a child process with its own time and memory
budget; what it finds, or its failure to finish, is written on the file's row
and shown in red to the coordinator. The file itself is always kept.

A check can be lost (a worker killed mid-check, a queue down when the inquiry
committed): ``check_queued_at`` records when each file's check was last queued or
started, and a scheduled sweep queues again those still unchecked
``INQUIRY_SCAN_RETRY_MINUTES`` later. Each file is claimed by a conditional UPDATE
before it is parsed, so two workers never check the same file at once.
"""

import json
import logging
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .files import private_storage
from .models import InquiryFile

logger = logging.getLogger(__name__)

PDFSCAN = Path(__file__).with_name("pdfscan.py")


def pdf_findings(path: str) -> list[str]:
    """What the PDF checker found in the file at ``path``, within the budget.

    A file the checker cannot finish (timeout, memory, damaged structure) is
    itself a finding: the coordinator should treat it as suspect.
    """
    timeout = settings.INQUIRY_SCAN_SECONDS
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, a path we made
            # -I: isolated mode, so nothing from the environment or the current
            # folder is imported into the process that reads hostile bytes.
            [sys.executable, "-I", str(PDFSCAN), path, str(settings.INQUIRY_SCAN_MB)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [
            _("not checked: the check took over %(seconds)s s (treat as suspect)")
            % {"seconds": timeout}
        ]
    try:
        answer = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        answer = {"error": f"exit status {result.returncode}"}
    if "findings" in answer:
        return answer["findings"]
    logger.info("PDF check failed: %s", answer.get("error"))
    if answer.get("error") == "memory":
        return [_("not checked: the file needs too much memory (treat as suspect)")]
    return [_("not checked: the PDF structure is damaged (treat as suspect)")]


def attachment_deep_scan(attachment_id: int) -> None:
    """Check one stored file and record the result on its row.

    Images and DICOM files are fully checked during the request (cheap, and
    their errors help the sender); PDFs are parsed here. Safe to run twice.
    """
    row = InquiryFile.objects.filter(pk=attachment_id).first()
    if row is None or row.checked_at is not None or not attachment_check_claim(row):
        return
    findings = []
    if row.kind == InquiryFile.Kind.PDF:
        findings = pdf_findings(private_storage().path(row.stored_name))
    if findings:
        earlier = [row.warnings] if row.warnings else []
        row.warnings = "; ".join([*earlier, *findings])[:300]
    row.checked_at = timezone.now()
    row.full_clean()
    row.save(update_fields=["warnings", "checked_at"])


def attachment_check_claim(row: InquiryFile) -> bool:
    """Take the file for this worker: only one of two workers that read the same
    row wins the conditional UPDATE (the other sees the new time and stops)."""
    now = timezone.now()
    claimed = (
        InquiryFile.objects.filter(
            pk=row.pk, checked_at__isnull=True, check_queued_at=row.check_queued_at
        )
        # A claim older than the retry delay belongs to a lost worker.
        | InquiryFile.objects.filter(
            pk=row.pk,
            checked_at__isnull=True,
            check_queued_at__lt=now - _retry_after(),
        )
    ).update(check_queued_at=now)
    row.check_queued_at = now
    return claimed == 1


def _retry_after() -> timedelta:
    return timedelta(minutes=settings.INQUIRY_SCAN_RETRY_MINUTES)


def inquiry_files_deep_scan(inquiry_id: int) -> None:
    """Check every file of an inquiry not checked yet (called after commit)."""
    pending = InquiryFile.objects.filter(inquiry_id=inquiry_id, checked_at__isnull=True)
    for attachment_id in pending.values_list("pk", flat=True):
        try:
            attachment_deep_scan(attachment_id)
        except Exception:
            # One file's failure must not leave the others unchecked.
            logger.exception("Deep check of file %s failed", attachment_id)


def inquiry_files_check_on_commit(*, inquiry_id: int) -> None:
    """Deep-check the inquiry's unchecked files once the transaction commits.

    The one place deep checks start, for the first form and for files a patient
    sends later (and for the sweep below).
    """
    from .tasks import inquiry_files_check  # tasks import this module

    InquiryFile.objects.filter(inquiry_id=inquiry_id, checked_at__isnull=True).update(
        check_queued_at=timezone.now()
    )

    # On a task worker: a deep check of large files never holds up a request.
    # ``robust``: if the queue is down the inquiry is still stored, and the sweep
    # queues the check again later.
    def enqueue_inquiry_files_check():
        inquiry_files_check.enqueue(inquiry_id=inquiry_id)

    transaction.on_commit(enqueue_inquiry_files_check, robust=True)


def lost_checks_requeue(*, older_than: datetime, limit: int = 500) -> list[int]:
    """Queue again the deep check of attached files still unchecked and last
    queued before ``older_than``; return their inquiries' ids.

    The rows are locked and re-stamped in one short transaction; on PostgreSQL
    ``SKIP LOCKED`` lets a second sweep running at the same time pass over them
    rather than queue them twice.
    """
    with transaction.atomic():
        lost = list(
            InquiryFile.objects.select_for_update(skip_locked=True)
            .filter(inquiry__isnull=False, checked_at__isnull=True)
            .filter(Q(check_queued_at__isnull=True) | Q(check_queued_at__lt=older_than))
            .order_by("check_queued_at", "pk")
            .values_list("pk", "inquiry_id")[:limit]
        )
        inquiry_ids = sorted({inquiry_id for _pk, inquiry_id in lost})
        for inquiry_id in inquiry_ids:
            inquiry_files_check_on_commit(inquiry_id=inquiry_id)
    if inquiry_ids:
        logger.warning("Deep checks queued again for inquiries %s", inquiry_ids)
    return inquiry_ids
