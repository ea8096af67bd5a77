"""What the review page compares a version with.

By default a waiting version is compared with what patients see. When a
reviewer sent an earlier version back, they may compare with that one instead
and read only what the editor changed since (``against="sent-back"``).
"""

from dataclasses import dataclass

from .models import ContentVersion, ReviewRecord

Status = ContentVersion.Status
SENT_BACK = "sent-back"


@dataclass
class Comparison:
    approved: ContentVersion | None
    compared_with: ContentVersion | None
    # The latest earlier version a reviewer requested changes on, if any.
    sent_back: ContentVersion | None
    blocks: list


def version_comparison(version: ContentVersion, against: str = "") -> Comparison:
    versions = ContentVersion.objects.filter(
        content_type=version.content_type_id, object_id=version.object_id
    )
    approved = versions.approved().first()
    sent_back = None
    if version.is_reviewable():
        sent_back = (
            versions.filter(
                number__lt=version.number,
                records__outcome=ReviewRecord.Outcome.CHANGES_REQUESTED,
            )
            .order_by("-number")
            .first()
        )
    if version.status == Status.APPROVED:
        compared_with = version
    elif version.status in ContentVersion.CLOSED:
        compared_with = versions.filter(number__lt=version.number).first()
    elif against == SENT_BACK and sent_back is not None:
        compared_with = sent_back
    else:
        compared_with = approved
    blocks = version.reviewed.diff(
        compared_with.content if compared_with else None, version.content
    )
    return Comparison(approved, compared_with, sent_back, blocks)
