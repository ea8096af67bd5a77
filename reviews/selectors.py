"""Reads that decide what patients see and what the review line says.

Each function costs a fixed number of queries whatever the number of items.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, F, JSONField, OuterRef, Subquery

from .models import ContentVersion, ReviewRecord
from .registry import reviewed_type_for


def _approved_versions(queryset):
    reviewed = reviewed_type_for(queryset.model)
    return ContentVersion.objects.approved().filter(
        kind=reviewed.kind, object_id=OuterRef("pk")
    )


def with_approved_snapshot(queryset):
    """Annotate each object with ``approved_snapshot`` (``None`` if never approved)."""
    return queryset.annotate(
        approved_snapshot=Subquery(
            _approved_versions(queryset).values("snapshot")[:1],
            output_field=JSONField(),
        )
    )


def for_patients(queryset):
    """Published objects that have an approved version, with its snapshot."""
    return with_approved_snapshot(
        queryset.published().filter(Exists(_approved_versions(queryset)))
    )


def show_approved(objects):
    """Put the approved text on objects from ``for_patients`` (never saved)."""
    objects = list(objects)
    if objects:
        names = reviewed_type_for(objects[0]).display_fields
        for obj in objects:
            for name in names:
                setattr(obj, name, obj.approved_snapshot[name])
    return objects


def approved_lookup(model):
    """An ``ids -> {pk: object}`` lookup of approved objects, for guide pages."""
    reviewed = reviewed_type_for(model)

    def lookup(ids):
        queryset = for_patients(model._default_manager.filter(pk__in=ids))
        queryset = queryset.select_related(*reviewed.select_related)
        return {obj.pk: obj for obj in show_approved(queryset)}

    return lookup


@dataclass(frozen=True)
class ReviewSummary:
    """What the page says about an item's review, from its latest review record."""

    last_reviewed: datetime.date
    next_review_due: datetime.date
    reviewers: list = field(default_factory=list)

    def json_ld(self, *, name, url):
        """schema.org ``MedicalWebPage`` data saying the same as the review line."""
        return {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": name,
            "url": url,
            "lastReviewed": self.last_reviewed.isoformat(),
            "reviewedBy": [reviewer.schema_org() for reviewer in self.reviewers],
        }


def review_records(kind, object_ids):
    """Approvals that count as reviews (not minor changes), newest first."""
    return (
        ReviewRecord.objects.filter(
            version__kind=kind,
            version__object_id__in=object_ids,
            outcome=ReviewRecord.Outcome.APPROVED,
        )
        .exclude(kind=ReviewRecord.Kind.MINOR)
        .annotate(object_id=F("version__object_id"))
        .prefetch_related("reviewers")
        .order_by("-reviewed_on", "-pk")
    )


def review_summaries(kind, object_ids) -> dict[int, ReviewSummary]:
    """The review line of each item, from its latest review record."""
    summaries = {}
    for record in review_records(kind, object_ids):
        if record.object_id not in summaries:
            summaries[record.object_id] = ReviewSummary(
                last_reviewed=record.reviewed_on,
                next_review_due=record.next_review_due,
                reviewers=list(record.reviewers.all()),
            )
    return summaries


def review_summary(obj) -> ReviewSummary | None:
    kind = reviewed_type_for(obj).kind
    return review_summaries(kind, [obj.pk]).get(obj.pk)
