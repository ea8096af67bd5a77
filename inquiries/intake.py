"""What the public intake form does with a post, apart from HTTP.

The view parses the request, calls these and renders; the rules live here: a
form already stored answers as stored, the connection's allowance is taken in
the transaction that stores what it counts (parallel posts queue on the counter
row, a failure gives the unit back), and a filled-in spam trap is held, not
stored as an inquiry.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from guides.models import Guide

from .consent import CURRENT_CONSENT_VERSION, CURRENT_TRANSFER_CONSENT_VERSION
from .limits import INQUIRIES, STAGED_FILES, limit_claim
from .models import HeldSubmission, Inquiry, InquiryFile
from .quarantine import held_submission_create
from .services import inquiry_submit
from .staged_files import staged_files_add


class RateLimited(ValidationError):
    """The connection's allowance for the window is used up (answered with 429)."""


def submission_stored(*, staging_key: str) -> Inquiry | HeldSubmission | None:
    """What this form was already stored as: a double click, a resubmitted page."""
    existing = Inquiry.objects.filter(submission_key=staging_key).first()
    if existing is None:
        existing = HeldSubmission.objects.filter(staging_key=staging_key).first()
    return existing


def submission_store(
    *,
    staging_key: str,
    data: dict,
    marketing_consent: bool,
    trap_value: str,
    transfer_consent: bool = False,
    source_guide: Guide | None,
    checked_uploads: Sequence,
    staged_files: Sequence[InquiryFile],
    ip_hash: str,
    privacy_notice=None,
    language: str = "",
) -> Inquiry | HeldSubmission:
    """Store a valid form as an inquiry, or hold it when ``trap_value`` is set.

    Takes one unit of the connection's allowance first, in the same transaction;
    raises ``RateLimited`` when none is left. ``language`` is the one the form
    and its consent texts were shown in.
    """
    common = {
        "data": data,
        "consent_version": CURRENT_CONSENT_VERSION,
        "consent_language": language,
        "transfer_consent_version": (
            CURRENT_TRANSFER_CONSENT_VERSION if transfer_consent else ""
        ),
        "marketing_consent": marketing_consent,
        "source_guide": source_guide,
        "checked_uploads": checked_uploads,
        "staged_files": staged_files,
        "ip_hash": ip_hash,
    }
    with transaction.atomic():
        if not limit_claim(
            scope=INQUIRIES, key=ip_hash, amount=1, limit=settings.INQUIRY_RATE_LIMIT
        ):
            raise RateLimited(_("Too many inquiries from this connection."))
        if trap_value:
            return held_submission_create(
                staging_key=staging_key, trap_value=trap_value, **common
            )
        return inquiry_submit(
            submission_key=staging_key, privacy_notice=privacy_notice, **common
        )


def staged_files_keep(
    *,
    checked_uploads: Sequence,
    staging_key: str,
    session_hash: str,
    ip_hash: str,
) -> list[InquiryFile]:
    """Keep accepted files while the sender fixes the form, within the
    connection's file allowance; raises ``RateLimited`` beyond it."""
    with transaction.atomic():
        if not limit_claim(
            scope=STAGED_FILES,
            key=ip_hash,
            amount=len(checked_uploads),
            limit=settings.INQUIRY_RATE_LIMIT_FILES,
        ):
            raise RateLimited(
                _(
                    "Your connection has sent many files in the last hour, so these "
                    "were not kept. Please try again later."
                )
            )
        return staged_files_add(
            checked_uploads=checked_uploads,
            staging_key=staging_key,
            session_hash=session_hash,
            ip_hash=ip_hash,
        )
