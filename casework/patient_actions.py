"""What a patient does through their secure link: read, reply, send more records.

Files go through the same checks as the first form (``inquiries.files``: type
from the first bytes, size limits, image and PDF inspection, private storage
with random names). Every view and upload is written to the access log, and
every reply or upload alerts the assignee.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inquiries.activity import inquiry_activity_record
from inquiries.limits import limit_claim, limit_reached
from inquiries.models import AccessLog, Inquiry, InquiryFile
from inquiries.services import (
    access_log_record,
    inquiry_files_attach,
    inquiry_refuse_if_closed,
)
from inquiries.workflow import Activity

from .conf import setting
from .messaging import activity_alert, clean_body
from .models import Message, PatientLink

PATIENT = "patient (secure link)"

# Counter scopes in inquiries' limits: per inquiry and window, whichever of its
# links is used (a new link must not reset the allowance).
LINK_VIEWS = "link_views"
LINK_REPLIES = "link_replies"
LINK_FILES = "link_files"


class LimitReached(ValidationError):
    """The link's hourly allowance is used up (the view answers 429)."""


def _key(link: PatientLink) -> str:
    return f"inquiry:{link.inquiry_id}"


def _claim(link: PatientLink, scope: str, amount: int, setting_name: str) -> bool:
    return limit_claim(
        scope=scope, key=_key(link), amount=amount, limit=setting(setting_name)
    )


def views_exceeded(link: PatientLink) -> bool:
    return limit_reached(
        scope=LINK_VIEWS,
        key=_key(link),
        limit=setting("CASEWORK_LINK_VIEWS_PER_HOUR"),
    )


def _log(*, link: PatientLink, action: str, detail: str, file=None) -> AccessLog:
    return access_log_record(
        user=None,
        username=PATIENT,
        action=action,
        inquiry=link.inquiry,
        file=file,
        detail=detail,
    )


@transaction.atomic
def patient_link_viewed(*, link: PatientLink) -> None:
    """Log the view (who: the link; never an IP address) and when it was used.

    The view takes a unit of the link's allowance whatever the page answers;
    ``views_exceeded`` is the early check that pauses the page.
    """
    _claim(link, LINK_VIEWS, 1, "CASEWORK_LINK_VIEWS_PER_HOUR")
    _log(
        link=link,
        action=AccessLog.Action.PATIENT_VIEW,
        detail=_("Secure link %(link)d") % {"link": link.pk},
    )
    PatientLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())


def _message_from_patient(inquiry: Inquiry, body: str) -> Message:
    message = Message(
        inquiry=inquiry,
        direction=Message.Direction.FROM_PATIENT,
        body=clean_body(body),
    )
    message.full_clean()
    message.save()
    return message


def _claim_reply(link: PatientLink) -> None:
    if not _claim(link, LINK_REPLIES, 1, "CASEWORK_LINK_REPLIES_PER_HOUR"):
        raise LimitReached(
            _("You sent many replies in the last hour; please wait."),
            code="rate_limited",
        )


@transaction.atomic
def patient_reply(*, link: PatientLink, body: str) -> Message:
    # The counter row's conditional UPDATE queues parallel replies, so no more
    # than the allowance gets through; a rollback gives the unit back.
    _claim_reply(link)
    inquiry = Inquiry.objects.select_for_update().get(pk=link.inquiry_id)
    # Read under the lock: a coordinator closing the case at the same moment
    # either comes first (refused here) or sees the reply in the thread.
    inquiry_refuse_if_closed(inquiry)
    message = _message_from_patient(inquiry, body)
    inquiry_activity_record(
        inquiry=inquiry, activity=Activity.PATIENT_REPLIED, at=message.created_at
    )
    activity_alert(inquiry=inquiry, what=_("the patient replied."))
    return message


def patient_upload(
    *, link: PatientLink, checked_uploads: Sequence, ip_hash: str = "", body: str = ""
) -> list[InquiryFile]:
    """Attach checked files to the link's inquiry, all or nothing.

    With ``body`` the message goes in the same transaction: the patient who
    writes "my CT scan is attached" never has one arrive without the other.
    """

    body = body.strip()

    def take_allowance():
        if body:
            _claim_reply(link)
        if not _claim(
            link, LINK_FILES, len(checked_uploads), "CASEWORK_LINK_FILES_PER_HOUR"
        ):
            raise LimitReached(
                _("You sent many files in the last hour; please try later."),
                code="rate_limited",
            )

    with inquiry_files_attach(
        inquiry=link.inquiry,
        checked_uploads=checked_uploads,
        ip_hash=ip_hash,
        before_store=take_allowance,
    ) as rows:
        for row in rows:
            _log(
                link=link,
                action=AccessLog.Action.PATIENT_UPLOAD,
                file=row,
                detail=_("%(kind)s file through secure link %(link)d")
                % {"kind": row.get_kind_display(), "link": link.pk},
            )
        if body:
            _message_from_patient(link.inquiry, body)
            what = ngettext(
                "the patient replied and sent %(count)d more file.",
                "the patient replied and sent %(count)d more files.",
                len(rows),
            )
        else:
            what = ngettext(
                "the patient sent %(count)d more file.",
                "the patient sent %(count)d more files.",
                len(rows),
            )
        # Records are what the coordinator looks for first: the row says so.
        inquiry_activity_record(
            inquiry=link.inquiry, activity=Activity.RECORDS_RECEIVED
        )
        activity_alert(inquiry=link.inquiry, what=what % {"count": len(rows)})
    return rows


def patient_send(
    *, link: PatientLink, body: str, checked_uploads: Sequence, ip_hash: str = ""
) -> None:
    """The secure link's one composer: a message, files, or both together."""
    if checked_uploads:
        patient_upload(
            link=link, checked_uploads=checked_uploads, ip_hash=ip_hash, body=body
        )
    else:
        patient_reply(link=link, body=body)
