"""What a user may decide on a version, and deciding it.

The review page offers the actions ``review_actions`` allows and refuses any
other; ``version_decide`` passes a decision to its service in ``services``.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ContentVersion, ReviewRecord
from .services import (
    review_confirm_current,
    version_approve,
    version_publish_minor_change,
    version_request_changes,
)
from .signing import pending_signatures, version_editors

Status = ContentVersion.Status
Kind = ReviewRecord.Kind

DECISION_NAMES = {
    "approve": _("approve"),
    "confirm": _("confirm it as still accurate"),
    "minor": _("publish it as an arrangement change"),
}


@dataclass
class ReviewActions:
    actions: set[str]
    # Who edited the item since its last approval (they may not approve it).
    editors: set[int]
    self_approval_blocked: bool
    # Signatures given towards an approval (or confirmation) that waits for a
    # co-signer; the user's own among them means they may not sign again.
    pending: list = ()
    signed_already: bool = False


def review_actions(*, version: ContentVersion, user) -> ReviewActions:
    """The decisions ``user`` may take on ``version`` now."""
    may_review = user.has_perm("reviews.add_reviewrecord")
    actions = set()
    if may_review and version.is_reviewable():
        actions |= {"approve", "request_changes"}
    if may_review and version.status == Status.APPROVED:
        actions.add("confirm")
    if (
        user.has_perm("reviews.publish_minor_change")
        and version.is_reviewable()
        and version.arrangement_only
    ):
        actions.add("minor")
    opts = version.reviewed.model._meta
    may_edit = user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    if version.is_withdrawable() and may_edit:
        actions.add("withdraw")
    editors = version_editors(version)
    blocked = user.pk in editors and not settings.REVIEW_ALLOW_SELF_APPROVAL
    if blocked:
        actions -= {"approve", "confirm"}
    kind = Kind.CONFIRMED if version.status == Status.APPROVED else Kind.FULL
    pending = list(pending_signatures(version, kind))
    signed_already = any(s.signed_by_id == user.pk for s in pending)
    if signed_already:
        actions -= {"approve", "confirm"}
    return ReviewActions(
        actions=actions,
        editors=editors,
        self_approval_blocked=blocked,
        pending=pending,
        signed_already=signed_already,
    )


def comments_refuse(*, action: str, comments: Sequence) -> None:
    """Comments on parts reach the editor only with a request for changes: any
    other decision with comments typed is refused, so none is dropped unseen."""
    if not comments or action == "request_changes":
        return
    parts = ", ".join(str(label) for __, label, __ in comments)
    raise ValidationError(
        ngettext(
            "You wrote a comment on %(count)d part (%(parts)s). Comments reach "
            "the editor only with “Request changes”: press that to send it, or "
            "clear the comment to %(decision)s.",
            "You wrote comments on %(count)d parts (%(parts)s). Comments reach "
            "the editor only with “Request changes”: press that to send them, or "
            "clear the comments to %(decision)s.",
            len(comments),
        )
        % {
            "count": len(comments),
            "parts": parts,
            "decision": DECISION_NAMES.get(action, action),
        },
        code="comments_unsent",
    )


def version_decide(
    *,
    version: ContentVersion,
    user,
    action: str,
    data: dict,
    comments: Sequence = (),
    no_source_reasons: dict | None = None,
) -> ReviewRecord | None:
    """Record ``action`` (approve, request_changes, confirm or minor) with the
    review form's ``data``; the service refuses what its rules forbid.

    ``None`` when an approval or confirmation waits for a co-signer. An
    approval needs a reason in ``no_source_reasons`` for each claim made
    without a source (``evidence``).
    """
    comments_refuse(action=action, comments=comments)
    if action == "minor":
        return version_publish_minor_change(
            version=version, user=user, notes=data["notes"]
        )
    common = {
        "version": version,
        "user": user,
        "reviewers": list(data["reviewers"]),
        "reviewed_on": data["reviewed_on"],
        "notes": data["notes"],
        "evidence_checked": data["evidence_checked"],
    }
    if action == "request_changes":
        return version_request_changes(**common, comments=comments)
    if action == "approve":
        return version_approve(
            **common,
            next_review_due=data["next_review_due"],
            no_source_reasons=no_source_reasons,
        )
    if action == "confirm":
        return review_confirm_current(**common, next_review_due=data["next_review_due"])
    raise ValueError(f"Unknown review action: {action}")
