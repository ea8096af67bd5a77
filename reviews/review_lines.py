"""The review line of a page: who reviewed an item, when, and when next.

Built from review records and the signatures they carry (copies of the signers'
approved profiles), in a fixed number of queries whatever the number of items.
What an item says is decided in ``selectors``; this module says who vouched for it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef

from cancerfax.compiled import compiled_rows
from cancerfax.languages import language_tag
from cancerfax.structured_data import absolute_url, organization
from publishing.dependencies import record as record_dependency

from .models import (
    COUNTING_KINDS,
    ContentVersion,
    Reviewer,
    ReviewRecord,
    ReviewRecordReviewer,
)
from .registry import reviewed_type_for


@dataclass(frozen=True)
class ReviewSummary:
    """What the page says about an item's review, from its review records.

    ``reviewers`` are the signatures of the latest review as they read when the
    record was made. ``first_reviewed`` is the first approval (when patients
    first saw the item); ``words_changed`` the latest full review, the last
    time its words changed (a confirmation changes none).
    """

    last_reviewed: datetime.date
    next_review_due: datetime.date
    reviewers: list = field(default_factory=list)
    first_reviewed: datetime.date | None = None
    words_changed: datetime.date | None = None

    def json_ld(self, *, name, url, **extra):
        """schema.org ``MedicalWebPage`` data saying the same as the review line.

        ``extra`` adds what only the page knows: ``description``, ``about``,
        ``citation``, or another ``@type``.
        """
        return {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": name,
            "url": url,
            "inLanguage": language_tag(),
            "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "datePublished": (self.first_reviewed or self.last_reviewed).isoformat(),
            "dateModified": (self.words_changed or self.last_reviewed).isoformat(),
            "lastReviewed": self.last_reviewed.isoformat(),
            "reviewedBy": [reviewer_schema_org(s) for s in self.reviewers],
            "publisher": organization(),
            **{key: value for key, value in extra.items() if value},
        }


def reviewer_schema_org(signature) -> dict:
    """A signature as schema.org data, with its public profile's address only
    when patients may open that page (an unapproved profile's page is 404)."""
    if not getattr(signature, "profile_approved", False):
        return signature.schema_org()
    page = Reviewer(pk=signature.reviewer_id).get_absolute_url()
    return signature.schema_org(url=absolute_url(page))


def review_records(model, object_ids) -> list:
    """Approvals that count as reviews (not minor changes), newest first.

    Each has ``signatures``: its reviewers' signatures, in order. Two queries,
    each compiled once per number of items (``cancerfax.compiled``).
    """
    reviewed = reviewed_type_for(model)
    records = compiled_rows(
        ("review_records", model, reviewed.content_type.pk),
        lambda ids: (
            ReviewRecord.objects.filter(
                version__content_type=reviewed.content_type,
                version__object_id__in=ids,
                outcome=ReviewRecord.Outcome.APPROVED,
                kind__in=COUNTING_KINDS,
            )
            .annotate(object_id=F("version__object_id"))
            .order_by("-reviewed_on", "-pk")
        ),
        [pk for pk in dict.fromkeys(object_ids) if pk is not None],
    )
    signatures = {record.pk: [] for record in records}
    if signatures:
        profiles = reviewed_type_for(Reviewer).content_type.pk
        for signature in compiled_rows(
            ("review_signatures", profiles),
            lambda ids: (
                ReviewRecordReviewer.objects.filter(record_id__in=ids)
                # Whether each signer's public page shows (the line's links and
                # ``reviewedBy`` urls): a signer's profile is published, so an
                # approved version is all it needs.
                .annotate(
                    profile_approved=Exists(
                        ContentVersion.objects.approved().filter(
                            content_type_id=profiles, object_id=OuterRef("reviewer_id")
                        )
                    )
                )
                .order_by("pk")
            ),
            list(signatures),
        ):
            signatures[signature.record_id].append(signature)
    for record in records:
        record.signatures = signatures[record.pk]
    return records


def review_summaries(model, object_ids) -> dict[int, ReviewSummary]:
    """The review line of each item, from its review records (one query)."""
    latest, first, changed = {}, {}, {}
    for record in review_records(model, object_ids):  # newest first
        latest.setdefault(record.object_id, record)
        first[record.object_id] = record.reviewed_on
        if record.kind == ReviewRecord.Kind.FULL:
            changed.setdefault(record.object_id, record.reviewed_on)
    # A signer's profile approval changes the line: their name becomes a link.
    profiles = reviewed_type_for(Reviewer).content_type.pk
    for record in latest.values():
        for signature in record.signatures:
            record_dependency(profiles, signature.reviewer_id)
    return {
        object_id: ReviewSummary(
            last_reviewed=record.reviewed_on,
            next_review_due=record.next_review_due,
            reviewers=record.signatures,
            first_reviewed=first[object_id],
            words_changed=changed.get(object_id),
        )
        for object_id, record in latest.items()
    }


def combined_summary(summaries) -> ReviewSummary | None:
    """One review line for a page of separately reviewed items (the FAQ page).

    Last reviewed is the latest review of any item, next review due the
    earliest, and each reviewer who signed an item's latest review is named once.
    """
    summaries = [summary for summary in summaries if summary is not None]
    if not summaries:
        return None
    reviewers = {}
    for summary in summaries:
        for signature in summary.reviewers:
            reviewers.setdefault(signature.reviewer_id, signature)
    return ReviewSummary(
        last_reviewed=max(summary.last_reviewed for summary in summaries),
        next_review_due=min(summary.next_review_due for summary in summaries),
        reviewers=list(reviewers.values()),
        first_reviewed=min(s.first_reviewed or s.last_reviewed for s in summaries),
        words_changed=max(s.words_changed or s.last_reviewed for s in summaries),
    )


def review_summary(obj) -> ReviewSummary | None:
    return review_summaries(type(obj), [obj.pk]).get(obj.pk)
