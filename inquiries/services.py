"""Submitting an inquiry, its files, its e-mails and its logs.

Views, admin actions and the apps built on inquiries (casework) call these
functions (and those of ``triage``, ``retention`` and ``limits``) and nothing
else writes. Each one
validates (``full_clean``) before saving and runs in a transaction; files written
to the private storage are removed again if their transaction rolls back, and
files of deleted rows are removed only after the deletion commits.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from guides.models import Guide
from trust.selectors import contact_details

from .files import check_file_totals, delete_stored
from .hooks import acknowledgement_parts
from .models import (
    AccessLog,
    Inquiry,
    InquiryEvent,
    InquiryFile,
    OutboxEmail,
)
from .outbox import outbox_email_queue, outbox_enqueue_on_commit
from .patient_emails import patient_subject
from .scanning import inquiry_files_check_on_commit
from .staged_files import removed_on_failure, store_rows
from .workflow import Status

# The fields a sender fills in; anything else in ``data`` is ignored.
SENDER_FIELDS = (
    "writer_role",
    "patient_name",
    "email",
    "phone",
    "country",
    "preferred_language",
    "contact_method",
)
SUBMITTED_FIELDS = (
    *SENDER_FIELDS,
    "cancer_type",
    "cancer_type_other",
    "diagnosis_year",
    "diagnosis_month",
    "stage",
    "treatments",
    "treatments_other",
    "current_condition",
    "questions",
)


class InquiryClosed(ValidationError):
    """A closed inquiry takes nothing more: no reply, no file (its secure link
    still shows the messages)."""


def inquiry_refuse_if_closed(inquiry: Inquiry) -> None:
    """Call with the inquiry's row locked, so a closing at the same moment either
    comes first (refused here) or sees what was added."""
    if inquiry.status == Status.CLOSED:
        raise InquiryClosed(
            _(
                "This inquiry is closed, so it takes no more replies or files. "
                "To ask us something new, please send a new inquiry."
            ),
            code="closed",
        )


def event_record(*, inquiry: Inquiry, kind: str, summary: str, actor=None, **extra):
    event = InquiryEvent(
        inquiry=inquiry, kind=kind, summary=summary[:300], actor=actor, **extra
    )
    event.full_clean()
    event.save()
    return event


@contextmanager
def inquiry_files_attach(
    *,
    inquiry: Inquiry,
    checked_uploads: Sequence,
    ip_hash: str = "",
    before_store: Callable[[], None] | None = None,
) -> Iterator[list[InquiryFile]]:
    """Attach checked files to an inquiry that exists, all or nothing.

    A context manager: the caller's block (its log rows, its alert) runs in the
    same transaction, under the inquiry's lock, and a failure there removes the
    rows and the stored files alike. Totals are counted under the lock, so two
    parallel uploads cannot together pass the per-inquiry limits.
    ``before_store`` runs first in the transaction (a rate-limit claim, say) and
    refuses by raising, before any file is written.
    """
    with removed_on_failure() as written, transaction.atomic():
        if before_store is not None:
            before_store()
        inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
        inquiry_refuse_if_closed(inquiry)
        existing = list(inquiry.files.values_list("size", flat=True))
        check_file_totals(
            count=len(existing) + len(checked_uploads),
            size=sum(existing) + sum(checked.info.size for checked in checked_uploads),
        )
        rows = store_rows(checked_uploads, written, inquiry=inquiry, ip_hash=ip_hash)
        if not rows:
            raise ValidationError(_("Choose at least one file."), code="no_files")
        yield rows
        inquiry_files_check_on_commit(inquiry_id=inquiry.pk)


def inquiry_submit(
    *,
    submission_key: str,
    data: Mapping[str, Any],
    consent_version: str,
    consent_language: str = "",
    privacy_notice=None,
    transfer_consent_version: str = "",
    marketing_consent: bool = False,
    source_guide: Guide | None = None,
    checked_uploads: Sequence = (),
    staged_files: Sequence[InquiryFile] = (),
    ip_hash: str = "",
) -> Inquiry:
    """Store an inquiry with its files and e-mails, all or nothing.

    A second call with the same ``submission_key`` (a double click, a resubmitted
    page) returns the first inquiry instead of creating another. Files written
    before a failure are deleted again, so a failure leaves no orphan file.
    """
    existing = Inquiry.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    written: list[str] = []
    try:
        inquiry = _inquiry_create(
            submission_key=submission_key,
            data=data,
            consent_version=consent_version,
            consent_language=consent_language,
            privacy_notice=privacy_notice,
            transfer_consent_version=transfer_consent_version,
            marketing_consent=marketing_consent,
            source_guide=source_guide,
            checked_uploads=checked_uploads,
            staged_files=staged_files,
            ip_hash=ip_hash,
            written=written,
        )
    except IntegrityError:
        delete_stored(written)
        # Two requests with one form raced: the other one won.
        existing = Inquiry.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing
    except BaseException:
        delete_stored(written)
        raise
    return inquiry


@transaction.atomic
def _inquiry_create(
    *,
    submission_key,
    data,
    consent_version,
    consent_language,
    privacy_notice,
    transfer_consent_version,
    marketing_consent,
    source_guide,
    checked_uploads,
    staged_files,
    ip_hash,
    written,
) -> Inquiry:
    now = timezone.now()
    staged_ids = [staged.pk for staged in staged_files]
    check_file_totals(
        count=len(staged_ids) + len(checked_uploads),
        size=sum(staged.size for staged in staged_files)
        + sum(checked.info.size for checked in checked_uploads),
    )
    inquiry = Inquiry(
        **{name: data[name] for name in SUBMITTED_FIELDS if name in data},
        submission_key=submission_key,
        received_at=now,
        last_activity_at=now,
        first_response_due=now + timedelta(hours=settings.INQUIRY_FIRST_RESPONSE_HOURS),
        consent_version=consent_version,
        consent_given_at=now,
        consent_language=consent_language,
        privacy_notice=privacy_notice,
        transfer_consent_version=transfer_consent_version,
        transfer_consent_given_at=now if transfer_consent_version else None,
        transfer_consent_language=consent_language if transfer_consent_version else "",
        marketing_consent=marketing_consent,
        marketing_consent_at=now if marketing_consent else None,
        source_guide=source_guide,
        source_guide_title=source_guide.title if source_guide else "",
        source_therapy=source_guide.topic.name if source_guide else "",
        ip_hash=ip_hash,
    )
    while Inquiry.objects.filter(reference=inquiry.reference).exists():
        inquiry.reference = Inquiry._meta.get_field("reference").get_default()
    # Uniqueness is the database's job here: a racing double submit must end in
    # IntegrityError (handled by the caller), not in a form error.
    inquiry.full_clean(validate_unique=False)
    inquiry.save()
    attached = InquiryFile.objects.filter(
        pk__in=staged_ids, inquiry__isnull=True
    ).update(inquiry=inquiry, staging_key="", session_hash="")
    if attached != len(staged_ids):
        raise ValidationError(_("Some staged files are no longer available."))
    store_rows(checked_uploads, written, inquiry=inquiry)
    files = len(staged_ids) + len(checked_uploads)
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.SUBMITTED,
        summary=ngettext(
            "Submitted with %(count)d file", "Submitted with %(count)d files", files
        )
        % {"count": files},
    )
    emails = _queue_submission_emails(inquiry)
    inquiry_files_check_on_commit(inquiry_id=inquiry.pk)
    if settings.INQUIRY_OUTBOX_SEND_ON_COMMIT:
        outbox_enqueue_on_commit(ids=[email.pk for email in emails])
    return inquiry


def _queue_email(
    *, inquiry: Inquiry, kind: str, recipients, subject, template, contact, extra=None
):
    to_patient = kind == OutboxEmail.Kind.ACKNOWLEDGEMENT
    email = outbox_email_queue(
        inquiry=inquiry,
        # In the patient's language where a translation exists (patient_emails).
        language=inquiry.preferred_language if to_patient else None,
        kind=kind,
        recipients=recipients,
        subject=subject,
        template=template,
        context={
            "received_at": inquiry.received_at,
            "inquiry_url": settings.SITE_URL.rstrip("/") + inquiry.get_absolute_url(),
            "first_response_hours": settings.INQUIRY_FIRST_RESPONSE_HOURS,
            "contact": contact,
            **(extra or {}),
        },
        # The submission asks for both of its e-mails in one task.
        send_on_commit=False,
    )
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.EMAIL,
        summary=_("E-mail queued: %(kind)s") % {"kind": email.get_kind_display()},
    )
    return email


def _queue_submission_emails(inquiry: Inquiry) -> list[OutboxEmail]:
    """The acknowledgement and the coordinators' alert: no health data in either."""
    # Read once for both messages: the approved contact page is costly to read.
    contact = contact_details()
    emails = [
        _queue_email(
            inquiry=inquiry,
            kind=OutboxEmail.Kind.ACKNOWLEDGEMENT,
            recipients=[inquiry.email],
            # Read in the patient's language (patient_emails).
            subject=patient_subject(
                gettext_noop("We received your inquiry (%(reference)s)"),
                {"reference": inquiry.reference},
            ),
            template="inquiries/email/acknowledgement.txt",
            contact=contact,
            # The patient's own (the secure link): never in the coordinators' alert.
            extra=acknowledgement_parts(inquiry=inquiry),
        )
    ]
    if settings.INQUIRY_ALERT_EMAIL:
        emails.append(
            _queue_email(
                inquiry=inquiry,
                kind=OutboxEmail.Kind.COORDINATOR_ALERT,
                recipients=settings.INQUIRY_ALERT_EMAIL,
                subject=_("New inquiry %(reference)s")
                % {"reference": inquiry.reference},
                template="inquiries/email/coordinator_alert.txt",
                contact=contact,
            )
        )
    return emails


def access_log_record(
    *,
    user: AbstractBaseUser | None,
    action: str,
    inquiry: Inquiry | None = None,
    file: InquiryFile | None = None,
    detail: str = "",
    username: str = "",
) -> AccessLog:
    """Record who saw or sent what. ``user`` is None for someone without an
    account (a patient's secure link); ``username`` then says who it was."""
    entry = AccessLog(
        user=user,
        username=user.get_username() if user is not None else username,
        action=action,
        inquiry=inquiry,
        reference=inquiry.reference if inquiry else "",
        file_id=file.pk if file else None,
        detail=detail[:500],
    )
    # User and inquiry are instances the caller just loaded: checking that
    # they exist would cost two queries on every inquiry page view.
    entry.full_clean(exclude=["user", "inquiry"])
    entry.save()
    return entry
