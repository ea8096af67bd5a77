"""Submissions caught by the spam trap: kept for a coordinator, never dropped.

A bot fills in every field; so, now and then, does a patient's browser autofill.
Such a form is stored as a ``HeldSubmission`` with its files (staged under the
held row's key), sends no e-mail, and waits until a coordinator releases it into
the queue (it then becomes an ordinary inquiry) or deletes it.
"""

from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guides.models import CancerIndication, Guide

from .files import delete_stored
from .models import HeldSubmission, Inquiry, InquiryFile
from .services import inquiry_submit
from .staged_files import staged_files_add


def _json_ready(data: dict) -> dict:
    ready = dict(data)
    cancer_type = ready.get("cancer_type")
    ready["cancer_type"] = cancer_type.pk if cancer_type is not None else None
    return ready


def held_submission_create(
    *,
    staging_key: str,
    data: dict,
    trap_value: str,
    consent_version: str,
    marketing_consent: bool,
    consent_language: str = "",
    source_guide: Guide | None,
    transfer_consent_version: str = "",
    checked_uploads=(),
    staged_files=(),
    ip_hash: str = "",
) -> HeldSubmission:
    """Keep a trapped submission and its files, all or nothing."""
    with transaction.atomic():
        held = HeldSubmission(
            staging_key=staging_key,
            data=_json_ready(data),
            trap_value=trap_value[:200],
            consent_version=consent_version,
            consent_language=consent_language,
            transfer_consent_version=transfer_consent_version,
            marketing_consent=marketing_consent,
            source_guide=source_guide,
            ip_hash=ip_hash,
        )
        held.full_clean()
        held.save()
        # The browser session no longer owns the staged files: the held row does.
        InquiryFile.objects.filter(
            pk__in=[staged.pk for staged in staged_files], inquiry__isnull=True
        ).update(staging_key=staging_key, session_hash="")
        if checked_uploads:
            staged_files_add(
                checked_uploads=checked_uploads,
                staging_key=staging_key,
                session_hash="",
                ip_hash=ip_hash,
            )
    return held


def held_files(held: HeldSubmission):
    return InquiryFile.objects.filter(
        inquiry__isnull=True, staging_key=held.staging_key
    )


@transaction.atomic
def held_submission_release(
    *, held: HeldSubmission, actor: AbstractBaseUser
) -> Inquiry:
    """Turn a held submission into an inquiry, with its files and e-mails."""
    held = HeldSubmission.objects.select_for_update().get(pk=held.pk)
    if held.released_at is not None:
        raise ValidationError(_("This submission was already released."))
    data = dict(held.data)
    data["cancer_type"] = CancerIndication.objects.filter(
        pk=data.get("cancer_type")
    ).first()
    inquiry = inquiry_submit(
        submission_key=held.staging_key,
        data=data,
        consent_version=held.consent_version,
        consent_language=held.consent_language,
        transfer_consent_version=held.transfer_consent_version,
        marketing_consent=held.marketing_consent,
        source_guide=held.source_guide,
        staged_files=list(held_files(held)),
        ip_hash=held.ip_hash,
    )
    held.released_at = timezone.now()
    held.inquiry = inquiry
    held.full_clean()
    held.save(update_fields=["released_at", "inquiry"])
    return inquiry


@transaction.atomic
def held_submission_delete(*, held: HeldSubmission) -> None:
    """Delete a held submission judged to be spam, with its files."""
    files = held_files(held)
    names = list(files.values_list("stored_name", flat=True))
    files.delete()
    held.delete()
    transaction.on_commit(partial(delete_stored, names))


def held_submissions_delete_expired(*, older_than: datetime, dry_run=False) -> int:
    """Delete held submissions nobody released before ``older_than``."""
    expired = HeldSubmission.objects.filter(
        released_at__isnull=True, received_at__lt=older_than
    )
    count = expired.count()
    if not dry_run:
        for held in expired:
            held_submission_delete(held=held)
    return count
