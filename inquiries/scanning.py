"""Deep checks of stored medical records, after the inquiry is safely stored.

The request only sniffs the first bytes and applies the size limits: a hostile
file can then cost the web process nothing. Each PDF is parsed afterwards by
qpdf (``inquiries/pdfscan.py``) in a child process with its own time and memory
budget; what it finds, or its failure to finish, is written on the file's row
and shown in red to the coordinator. The file itself is always kept.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

from django.conf import settings
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
    if row is None or row.checked_at is not None:
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


def inquiry_files_deep_scan(inquiry_id: int) -> None:
    """Check every file of an inquiry not checked yet (called after commit)."""
    pending = InquiryFile.objects.filter(inquiry_id=inquiry_id, checked_at__isnull=True)
    for attachment_id in pending.values_list("pk", flat=True):
        try:
            attachment_deep_scan(attachment_id)
        except Exception:
            # One file's failure must not leave the others unchecked.
            logger.exception("Deep check of file %s failed", attachment_id)
