"""Reviewer profiles are reviewed like any page patients read.

A profile's name, credentials, specialty and biography are words a patient
weighs ("who checked this?"), so they reach the public reviewer pages only as
another reviewer approved them. The kind, the account, panel membership, the
languages reviewed and "active" arrange who may sign; they are not in the
snapshot.
"""

from dataclasses import dataclass

from .diff import flat_diff
from .profiles import Reviewer
from .registry import register, reviewed_type_for
from .snapshots import Snapshot

WORD_FIELDS = ("name", "credentials", "specialty", "bio")


@dataclass(frozen=True)
class ReviewerProfileSnapshot(Snapshot):
    """Schema history: 1. name, credentials, specialty, biography."""

    SCHEMA_VERSION = 1

    name: str
    credentials: str = ""
    specialty: str = ""
    bio: str = ""


def reviewer_profile_snapshot(reviewer) -> ReviewerProfileSnapshot:
    return ReviewerProfileSnapshot(
        **{name: getattr(reviewer, name) for name in WORD_FIELDS}
    )


def register_reviewer_profiles():
    register(
        Reviewer,
        kind="reviewer_profile",
        snapshot_type=ReviewerProfileSnapshot,
        build=reviewer_profile_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(Reviewer, WORD_FIELDS),
        title_field="name",
    )


def approved_profiles(reviewers) -> dict[int, ReviewerProfileSnapshot]:
    """``{pk: approved snapshot}`` of those ``reviewers`` that have one."""
    from .models import ContentVersion  # whose module imports this one

    reviewed = reviewed_type_for(Reviewer)
    versions = ContentVersion.objects.approved().filter(
        content_type=reviewed.content_type,
        object_id__in=[reviewer.pk for reviewer in reviewers],
    )
    return {
        version.object_id: reviewed.load(version.snapshot, version.schema_version)
        for version in versions.only("object_id", "snapshot", "schema_version")
    }
