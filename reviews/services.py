"""Every decision on a version goes through these functions.

Admin views, the demo loader and tests call them (and ``capture`` to make a
version); nothing else sets a version's status or writes a review record.
"""

import calendar
import datetime
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.store import pages_invalidate

from .evidence import findings_of, no_source_record
from .models import ContentVersion, ReviewComment, ReviewRecord
from .signals import version_approved
from .signing import (  # noqa: F401 (callers import these from here)
    approval_sign,
    record_create,
    reviewers_check,
    reviewers_of_user,
    version_editors,
)
from .translating import translations_after_approval

Status = ContentVersion.Status


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by whole months, kept inside shorter months (31 Jan → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_next_review_due(kind: str, reviewed_on: datetime.date) -> datetime.date:
    months = settings.REVIEW_INTERVALS_MONTHS.get(kind, settings.REVIEW_INTERVAL_MONTHS)
    return add_months(reviewed_on, months)


def _locked(version):
    return ContentVersion.objects.select_for_update().get(pk=version.pk)


def _check_reviewable(version):
    if not version.is_reviewable():
        raise ValidationError(
            _("This version is not waiting for review any more."),
            code="not_reviewable",
        )
    model = version.reviewed.model
    if not model._default_manager.filter(pk=version.object_id).exists():
        raise ValidationError(
            _("The item this version belongs to was deleted."), code="not_reviewable"
        )


def _create_record(*, version, user, reviewers, **fields):
    signatures = [(reviewer, user) for reviewer in reviewers]
    return record_create(version=version, user=user, signatures=signatures, **fields)


def _record_approval(*, version, user, reviewed_on, next_review_due, **rest):
    """A review that approves: four-eyes applies and the next review is dated.

    ``None`` while the approval waits for a co-signer (``signing``).
    """
    reviewed_on = reviewed_on or timezone.localdate()
    return approval_sign(
        version=version,
        user=user,
        reviewed_on=reviewed_on,
        next_review_due=next_review_due
        or default_next_review_due(version.kind, reviewed_on),
        **rest,
    )


def _versions_of(version):
    return ContentVersion.objects.filter(
        content_type=version.content_type_id, object_id=version.object_id
    )


def _make_live(version):
    _versions_of(version).approved().exclude(pk=version.pk).update(
        status=Status.SUPERSEDED
    )
    version.status = Status.APPROVED
    version.save(update_fields=["status"])
    _pages_changed(version)
    # In this transaction: no patient may read a translation as current once
    # its English has moved on.
    translations_after_approval(version)
    version_approved.send(sender=ContentVersion, version=version)


def _pages_changed(version):
    """Stored pages that show the item are replaced in this same transaction."""
    reviewed = version.reviewed
    own_page = []
    if reviewed.has_page:
        obj = reviewed.model._default_manager.filter(pk=version.object_id).first()
        own_page = [obj.get_absolute_url()] if obj else []
    pages_invalidate(
        [(version.content_type_id, version.object_id)], also_render=own_page
    )


@transaction.atomic
def version_withdraw(*, version: ContentVersion, user) -> ContentVersion:
    """Take a submission back before a reviewer has decided on it.

    The edits it carried become unsubmitted again: the working copy still has
    them, and whoever made them still counts as an editor of the next version.
    """
    version = _locked(version)
    if not version.is_withdrawable():
        raise ValidationError(
            _("Only a version waiting for review can be withdrawn."),
            code="not_withdrawable",
        )
    version.status = Status.WITHDRAWN
    version.save(update_fields=["status"])
    version.edits.update(version=None)
    return version


@transaction.atomic
def version_approve(
    *,
    version: ContentVersion,
    user,
    reviewers,
    reviewed_on: datetime.date | None = None,
    next_review_due: datetime.date | None = None,
    notes: str = "",
    evidence_checked: str = "",
    no_source_reasons: Mapping[str, str] | None = None,
) -> ReviewRecord | None:
    """Approve a version after a full review: patients see it from now on.

    Each sentence that makes a claim without a source (``evidence``) needs a
    reason in ``no_source_reasons`` (by the finding's key), kept in the record;
    without one the approval is refused, naming the sentences.

    Four-eyes: nobody who edited the item since its last approval may approve
    it, neither as the signed-in user nor as a named reviewer, unless
    ``REVIEW_ALLOW_SELF_APPROVAL`` is on for a one-person team. Where the kind
    needs more signers (``REVIEW_SIGNERS_REQUIRED``) this records ``user``'s
    signature and returns ``None``: the version waits for a co-signer, and is
    approved by the approval that completes the signatures.
    """
    version = _locked(version)
    _check_reviewable(version)
    version.reviewed.check_approval(version.content)
    version.reviewed.check_signers(version.content, reviewers=reviewers, user=user)
    record = _record_approval(
        version=version,
        user=user,
        reviewers=reviewers,
        kind=ReviewRecord.Kind.FULL,
        reviewed_on=reviewed_on,
        next_review_due=next_review_due,
        notes=notes,
        evidence_checked=evidence_checked,
        no_source_reasons=lambda: no_source_record(
            findings_of(version.reviewed, version.content), no_source_reasons or {}
        ),
    )
    if record is not None:
        _make_live(version)
    return record


@transaction.atomic
def version_request_changes(
    *,
    version: ContentVersion,
    user,
    reviewers,
    notes: str,
    reviewed_on: datetime.date | None = None,
    evidence_checked: str = "",
    comments=(),
) -> ReviewRecord:
    """Send a version back to its editors with ``notes``; patients see no change.

    ``comments`` are ``(anchor, label, text)`` for parts of the item (a section,
    one of its items): the editor sees each beside that part.
    """
    version = _locked(version)
    _check_reviewable(version)
    reviewers_check(version=version, user=user, reviewers=reviewers, approving=False)
    record = _create_record(
        version=version,
        user=user,
        reviewers=reviewers,
        outcome=ReviewRecord.Outcome.CHANGES_REQUESTED,
        kind=ReviewRecord.Kind.FULL,
        reviewed_on=reviewed_on or timezone.localdate(),
        notes=notes,
        evidence_checked=evidence_checked,
    )
    ReviewComment.objects.bulk_create(
        ReviewComment(record=record, anchor=anchor, label=label[:300], text=text)
        for anchor, label, text in comments
    )
    version.status = Status.CHANGES_REQUESTED
    version.save(update_fields=["status"])
    return record


@transaction.atomic
def version_publish_minor_change(
    *, version: ContentVersion, user, notes: str = ""
) -> ReviewRecord:
    """The lighter path: publish a change that puts no new words before patients.

    Allowed only when the version differs from the approved one in arrangement
    alone (order, which items are linked, which topic it sits under). It is
    recorded as a minor change and leaves the review dates alone: it is not a
    medical review.
    """
    version = _locked(version)
    _check_reviewable(version)
    if not version.arrangement_only:
        raise ValidationError(
            _("This version changes words patients read: it needs a medical review."),
            code="words_changed",
        )
    record = _create_record(
        version=version,
        user=user,
        reviewers=[],
        outcome=ReviewRecord.Outcome.APPROVED,
        kind=ReviewRecord.Kind.MINOR,
        notes=notes,
    )
    _make_live(version)
    return record


@transaction.atomic
def review_confirm_current(
    *,
    version: ContentVersion,
    user,
    reviewers,
    reviewed_on: datetime.date | None = None,
    next_review_due: datetime.date | None = None,
    notes: str = "",
    evidence_checked: str = "",
) -> ReviewRecord | None:
    """Record that the approved version is still accurate: dates move forward.

    No new version is created; the record points at the version patients see.
    Co-signing applies as for ``version_approve`` (``None`` while waiting).
    """
    version = _locked(version)
    if version.status != Status.APPROVED:
        raise ValidationError(
            _("Only the version patients see can be confirmed."),
            code="not_current",
        )
    # A confirmation signs the content again: the same checks as an approval (a
    # version approved before a check existed must meet it to be confirmed).
    version.reviewed.check_approval(version.content)
    version.reviewed.check_signers(version.content, reviewers=reviewers, user=user)
    record = _record_approval(
        version=version,
        user=user,
        reviewers=reviewers,
        kind=ReviewRecord.Kind.CONFIRMED,
        reviewed_on=reviewed_on,
        next_review_due=next_review_due,
        notes=notes,
        evidence_checked=evidence_checked,
    )
    if record is not None:
        _pages_changed(version)  # the review line's dates move
    return record
