"""Who may sign a review, and signing it: every name on a record signed for itself.

A reviewer signs in their own session for their own profile or a panel they
belong to, never for a colleague. Where a kind needs more than one signer
(``REVIEW_SIGNERS_REQUIRED``), each person's approval is kept as a
``CoSignature`` until enough different people have signed; then one record is
written naming exactly them, and the caller makes the version live.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import (
    ContentVersion,
    CoSignature,
    Reviewer,
    ReviewRecord,
    ReviewRecordReviewer,
    WorkingCopyEdit,
)
from .profile_review import approved_profiles


def reviewers_of_user(user):
    """The reviewers a user may sign for: their own profile and their panels."""
    return Reviewer.objects.filter(
        Q(user=user) | Q(members__user=user), is_active=True
    ).distinct()


def version_editors(version: ContentVersion) -> set[int]:
    """Ids of the users who edited the item since the approval before ``version``.

    One query (a union): every approval asks it."""
    previous = (
        ReviewRecord.objects.filter(
            version__content_type=version.content_type_id,
            version__object_id=version.object_id,
            version__number__lt=version.number,
            outcome=ReviewRecord.Outcome.APPROVED,
        )
        .order_by("-version__number")
        .values("version__number")[:1]
    )
    versions = ContentVersion.objects.filter(
        content_type=version.content_type_id,
        object_id=version.object_id,
        number__gt=Coalesce(Subquery(previous), 0),
        number__lte=version.number,
    ).order_by()
    submitters = versions.exclude(created_by=None).values_list("created_by")
    # Everyone who saved an edit that went into these versions, not only the
    # person who pressed "Submit for review".
    savers = (
        WorkingCopyEdit.objects.filter(version__in=versions.values("pk"))
        .order_by()
        .values_list("edited_by")
    )
    return {user for (user,) in submitters.union(savers)}


def signers_required(kind: str) -> int:
    """How many different people sign an approval of ``kind`` (at least one)."""
    return max(1, int(settings.REVIEW_SIGNERS_REQUIRED.get(kind, 1)))


def reviewers_check(*, version, user, reviewers, approving) -> None:
    """Refuse a signature naming anyone ``user`` may not sign for."""
    if not reviewers:
        raise ValidationError(
            _("Name at least one reviewer."), code="reviewer_required"
        )
    if any(not reviewer.is_active for reviewer in reviewers):
        raise ValidationError(
            _("Inactive reviewers cannot review."), code="inactive_reviewer"
        )
    # Every name on the record signs: each must be the user's own profile or a
    # panel they belong to. A colleague who never saw the version is refused
    # even beside the user's own name.
    if user is not None and not (
        {r.pk for r in reviewers}
        <= set(reviewers_of_user(user).values_list("pk", flat=True))
    ):
        raise ValidationError(
            _("Record reviews in your own name or for a panel you belong to."),
            code="not_a_reviewer",
        )
    if approving and not settings.REVIEW_ALLOW_SELF_APPROVAL:
        people = {r.user_id for r in reviewers if r.user_id}
        if user is not None:
            people.add(user.pk)
        # Nobody signing in person (a panel recorded by nobody signed in, as the
        # demo's) cannot be among the editors: no query.
        if people and people & version_editors(version):
            raise ValidationError(
                _(
                    "Someone who edited this version cannot approve it. "
                    "Ask another reviewer."
                ),
                code="self_approval",
            )


def record_create(*, version, user, signatures, **fields) -> ReviewRecord:
    """A record with ``signatures``: ``(reviewer, user who signed)`` pairs."""
    record = ReviewRecord(version=version, recorded_by=user, **fields)
    record.full_clean()
    record.save()
    # Signatures copy the profiles as patients may read them now (the approved
    # version; see ReviewRecordReviewer.signed).
    approved = approved_profiles([reviewer for reviewer, _ in signatures])
    ReviewRecordReviewer.objects.bulk_create(
        ReviewRecordReviewer.signed(
            record, reviewer, signed_by, approved=approved.get(reviewer.pk)
        )
        for reviewer, signed_by in signatures
    )
    return record


def signing_round(version: ContentVersion) -> int:
    """The current round of signing: a record written on the version (changes
    requested, an approval) closes a round, and what was signed in it no longer
    counts."""
    return version.records.count()


def pending_signatures(version: ContentVersion, kind: str, round_=None):
    """Signatures towards a ``kind`` record of ``version`` still waiting for more
    (in ``round_``, the current round unless given)."""
    if round_ is None:
        round_ = signing_round(version)
    return CoSignature.objects.filter(
        version=version, kind=kind, round=round_
    ).select_related("reviewer", "signed_by")


def approval_sign(
    *,
    version,
    user,
    reviewers,
    kind,
    reviewed_on,
    next_review_due,
    notes="",
    evidence_checked="",
    no_source_reasons=list,
) -> ReviewRecord | None:
    """``user`` signs an approving review; the record once enough people have.

    Returns the record, or ``None`` while the approval waits for a co-signer.
    The caller holds the version's row lock, so two co-signers take turns.
    ``no_source_reasons`` is called once the signers are allowed: it returns
    the claims approved without a source, or refuses the approval.
    ``user`` is ``None`` only for records written by code (the demo loader):
    those have no session to sign in and are written at once.
    """
    reviewers_check(version=version, user=user, reviewers=reviewers, approving=True)
    claims = no_source_reasons()
    fields = {
        "outcome": ReviewRecord.Outcome.APPROVED,
        "kind": kind,
        "reviewed_on": reviewed_on,
        "next_review_due": next_review_due,
        "notes": notes,
        "evidence_checked": evidence_checked,
        # The signer who completes the approval answers for the claims.
        "no_source_reasons": claims,
    }
    needed = signers_required(version.kind)
    if user is None or needed == 1:
        signatures = [(reviewer, user) for reviewer in reviewers]
        return record_create(
            version=version, user=user, signatures=signatures, **fields
        )
    # Counted once: it was counted again for every reviewer named.
    round_ = signing_round(version)
    earlier = list(pending_signatures(version, kind, round_))
    _check_new_signer(earlier, user=user, reviewers=reviewers)
    people = {signature.signed_by_id for signature in earlier} | {user.pk}
    if len(people) < needed:
        CoSignature.objects.bulk_create(
            CoSignature(
                version=version,
                kind=kind,
                round=round_,
                reviewer=reviewer,
                signed_by=user,
                reviewed_on=reviewed_on,
                next_review_due=next_review_due,
                notes=notes,
                evidence_checked=evidence_checked,
            )
            for reviewer in reviewers
        )
        return None
    by_signer = {signature.signed_by_id: signature for signature in earlier}
    fields["notes"] = _joined([s.notes for s in by_signer.values()] + [notes])
    fields["evidence_checked"] = _joined(
        [s.evidence_checked for s in by_signer.values()] + [evidence_checked]
    )
    signatures = [(s.reviewer, s.signed_by) for s in earlier]
    signatures += [(reviewer, user) for reviewer in reviewers]
    return record_create(version=version, user=user, signatures=signatures, **fields)


def _check_new_signer(earlier, *, user, reviewers) -> None:
    if any(signature.signed_by_id == user.pk for signature in earlier):
        raise ValidationError(
            _("You have signed this already: another reviewer must co-sign it."),
            code="signed_already",
        )
    if {s.reviewer_id for s in earlier} & {reviewer.pk for reviewer in reviewers}:
        raise ValidationError(
            _("A reviewer named here has signed this already: sign for yourself."),
            code="reviewer_signed_already",
        )


def _joined(texts) -> str:
    return "\n\n".join(text.strip() for text in texts if text.strip())


def signatures_missing(version, kind: str) -> int:
    """How many more people must sign a ``kind`` record of ``version``."""
    signed = {s.signed_by_id for s in pending_signatures(version, kind)}
    return max(0, signers_required(version.kind) - len(signed))
