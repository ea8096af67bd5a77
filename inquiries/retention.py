"""Erasure on request, deletion after the retention period, stale file clean-up.

Files leave the private storage only after the deletion of their rows commits.
"""

import calendar
from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from cancerfax.append_only import erasure_allowed

from .files import delete_stored, private_storage
from .hooks import run_erasers
from .models import HeldSubmission, Inquiry, InquiryEvent, InquiryFile
from .services import event_record
from .staged_files import staged_file_discard
from .triage import inquiry_locked
from .workflow import Outcome, Status

# What erasure leaves behind: the anonymous stub keeps cancer type, country,
# dates, guide of origin, status and outcome for statistics.
ERASED_VALUES = {
    "patient_name": "",
    "email": "",
    "phone": "",
    "cancer_type_other": "",
    "diagnosis_year": None,
    "diagnosis_month": None,
    "stage": Inquiry.Stage.UNKNOWN,
    "treatments": [],
    "treatments_other": "",
    "current_condition": "",
    "questions": "",
    "ip_hash": "",
}


@transaction.atomic
def inquiry_erase(*, inquiry: Inquiry, actor: AbstractBaseUser) -> Inquiry:
    """Erase a person's data and files on request; keep an anonymous stub.

    The stub keeps cancer type, country, dates, guide of origin and outcome for
    statistics. Notes, e-mails (they hold the address) and files go; the files
    leave the storage once the erasure has committed.
    """
    inquiry = inquiry_locked(inquiry)
    if inquiry.erased_at is not None:
        return inquiry
    now = timezone.now()
    names = list(inquiry.files.values_list("stored_name", flat=True))
    inquiry.files.all().delete()
    inquiry.emails.all().delete()
    inquiry.events.exclude(note="").update(note="")
    with erasure_allowed():  # erasers delete append-only rows (assessments)
        run_erasers(inquiry=inquiry)
    for name, value in ERASED_VALUES.items():
        setattr(inquiry, name, value)
    if inquiry.is_open:
        inquiry.status = Status.CLOSED
        inquiry.outcome = Outcome.WITHDRAWN
        inquiry.closed_at = now
    inquiry.needs_reply = False
    inquiry.erased_at = now
    inquiry.full_clean()
    inquiry.save()
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.ERASED,
        summary=ngettext(
            "Personal data and %(count)d file erased on request",
            "Personal data and %(count)d files erased on request",
            len(names),
        )
        % {"count": len(names)},
        actor=actor,
    )
    transaction.on_commit(partial(delete_stored, names))
    return inquiry


@transaction.atomic
def inquiry_delete(*, inquiry: Inquiry) -> None:
    """Delete an inquiry with everything it owns (used by the retention command)."""
    names = list(inquiry.files.values_list("stored_name", flat=True))
    inquiry.emails.all().delete()
    with erasure_allowed():  # the cascade deletes the inquiry's assessments
        inquiry.delete()
    transaction.on_commit(partial(delete_stored, names))


def months_before(moment: datetime, months: int) -> datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def inquiries_expired(*, months: int, now: datetime | None = None):
    cutoff = months_before(now or timezone.now(), months)
    return Inquiry.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff)


def staged_files_delete_stale(*, older_than: datetime, dry_run: bool = False) -> int:
    """Delete staged files (never attached to an inquiry) uploaded before a time."""
    stale = InquiryFile.objects.filter(
        inquiry__isnull=True, uploaded_at__lt=older_than
    ).exclude(  # files of a held (spam-trap) submission wait for a coordinator
        staging_key__in=HeldSubmission.objects.filter(released_at__isnull=True).values(
            "staging_key"
        )
    )
    count = stale.count()
    if not dry_run:
        for staged in stale.iterator():
            staged_file_discard(staged_file=staged)
    return count


def orphan_files_delete(*, older_than: datetime, dry_run: bool = False) -> list[str]:
    """Delete stored files no row refers to (left by a crash or an outer rollback).

    Only files older than ``older_than`` are touched, so a file whose row is
    being written right now is safe.
    """
    storage = private_storage()
    known = set(InquiryFile.objects.values_list("stored_name", flat=True))
    orphans = []
    directories, files = storage.listdir("") if storage.exists("") else ([], [])
    candidates = [*files]
    for directory in directories:
        candidates += [f"{directory}/{name}" for name in storage.listdir(directory)[1]]
    for name in candidates:
        if name in known:
            continue
        if storage.get_modified_time(name) >= older_than:
            continue
        orphans.append(name)
    if not dry_run:
        delete_stored(orphans)
    return orphans
