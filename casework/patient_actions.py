"""What a patient does through their secure link: read, reply, send more records.

Files go through the same checks as the first form (``inquiries.files``: type
from the first bytes, size limits, image and PDF inspection, private storage
with random names). Every view and upload is written to the access log, and
every reply or upload alerts the assignee.
"""

from collections.abc import Sequence
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inquiries.files import delete_stored, store_upload
from inquiries.models import AccessLog, Inquiry, InquiryFile
from inquiries.scanning import inquiry_files_check_on_commit
from inquiries.services import check_file_totals

from .conf import setting
from .messaging import activity_alert, clean_body
from .models import Message, PatientLink

PATIENT = "patient (secure link)"


def _log(*, link: PatientLink, action: str, detail: str, file=None) -> AccessLog:
    entry = AccessLog(
        user=None,
        username=PATIENT,
        action=action,
        inquiry=link.inquiry,
        reference=link.inquiry.reference,
        file_id=file.pk if file else None,
        detail=detail[:500],
    )
    entry.full_clean(exclude=["user", "inquiry"])
    entry.save()
    return entry


def _since():
    return timezone.now() - timedelta(hours=1)


class LimitReached(ValidationError):
    """The link's hourly allowance is used up (the view answers 429)."""


def views_exceeded(link: PatientLink) -> bool:
    recent = AccessLog.objects.filter(
        inquiry_id=link.inquiry_id,
        action=AccessLog.Action.PATIENT_VIEW,
        at__gte=_since(),
    )
    return recent.count() >= setting("CASEWORK_LINK_VIEWS_PER_HOUR")


def _replies_exceeded(link: PatientLink) -> bool:
    recent = Message.objects.filter(
        inquiry_id=link.inquiry_id,
        direction=Message.Direction.FROM_PATIENT,
        created_at__gte=_since(),
    )
    return recent.count() >= setting("CASEWORK_LINK_REPLIES_PER_HOUR")


def _files_exceeded(link: PatientLink, adding: int) -> bool:
    recent = InquiryFile.objects.filter(
        inquiry_id=link.inquiry_id, uploaded_at__gte=_since()
    )
    return recent.count() + adding > setting("CASEWORK_LINK_FILES_PER_HOUR")


def patient_link_viewed(*, link: PatientLink) -> None:
    """Log the view (who: the link; never an IP address) and when it was used."""
    _log(
        link=link,
        action=AccessLog.Action.PATIENT_VIEW,
        detail=_("Secure link %(link)d") % {"link": link.pk},
    )
    PatientLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())


@transaction.atomic
def patient_reply(*, link: PatientLink, body: str) -> Message:
    # Counted under the inquiry's lock: parallel replies are counted one after
    # another, so no more than the allowance gets through.
    inquiry = Inquiry.objects.select_for_update().get(pk=link.inquiry_id)
    if _replies_exceeded(link):
        raise LimitReached(
            _("You sent many replies in the last hour; please wait."),
            code="rate_limited",
        )
    message = Message(
        inquiry=inquiry,
        direction=Message.Direction.FROM_PATIENT,
        body=clean_body(body),
    )
    message.full_clean()
    message.save()
    activity_alert(inquiry=inquiry, what=_("the patient replied."))
    return message


def patient_upload(
    *, link: PatientLink, checked_uploads: Sequence, ip_hash: str = ""
) -> list[InquiryFile]:
    """Attach checked files to the link's inquiry, all or nothing."""
    written: list[str] = []
    try:
        with transaction.atomic():
            return _attach(link, checked_uploads, written, ip_hash)
    except BaseException:
        delete_stored(written)
        raise


def _attach(link, checked_uploads, written, ip_hash):
    inquiry = Inquiry.objects.select_for_update().get(pk=link.inquiry_id)
    if _files_exceeded(link, len(checked_uploads)):
        raise LimitReached(
            _("You sent many files in the last hour; please try later."),
            code="rate_limited",
        )
    existing = list(inquiry.files.values_list("size", flat=True))
    check_file_totals(
        count=len(existing) + len(checked_uploads),
        size=sum(existing) + sum(checked.info.size for checked in checked_uploads),
    )
    rows = []
    for checked in checked_uploads:
        info = checked.info
        stored_name = store_upload(checked.file, info.kind)
        written.append(stored_name)
        row = InquiryFile(
            inquiry=inquiry,
            stored_name=stored_name,
            original_name=info.original_name,
            kind=info.kind,
            size=info.size,
            sha256=info.sha256,
            warnings="; ".join(info.warnings)[:300],
            ip_hash=ip_hash,
        )
        row.full_clean()
        row.save()
        rows.append(row)
        _log(
            link=link,
            action=AccessLog.Action.PATIENT_UPLOAD,
            file=row,
            detail=_("%(kind)s file through secure link %(link)d")
            % {"kind": row.get_kind_display(), "link": link.pk},
        )
    if not rows:
        raise ValidationError(_("Choose at least one file."), code="no_files")
    inquiry_files_check_on_commit(inquiry_id=inquiry.pk)
    activity_alert(
        inquiry=inquiry,
        what=_("the patient sent %(count)d more file(s).") % {"count": len(rows)},
    )
    return rows
