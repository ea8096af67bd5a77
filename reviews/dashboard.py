"""The review state of every reviewed item, for the dashboard and the reminders.

A handful of queries in all: one per kind of content, one for versions, two for
records and their reviewers.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import COUNTING_KINDS, ContentVersion, ReviewRecord
from .registry import reviewed_kind, reviewed_types

Status = ContentVersion.Status


@dataclass
class ItemState:
    kind: str
    object_id: int
    title: str
    is_published: bool
    approved: ContentVersion | None = None
    working: ContentVersion | None = None
    last_review: ReviewRecord | None = None
    changes_request: ReviewRecord | None = None
    # Profiles that look after the item (live, for reminders) and how they
    # signed its latest review (copies, for display).
    reviewers: list = field(default_factory=list)
    signatures: list = field(default_factory=list)

    @property
    def kind_label(self):
        return reviewed_kind(self.kind).verbose_name

    @property
    def next_review_due(self):
        return self.last_review.next_review_due if self.last_review else None

    @property
    def last_reviewed(self):
        return self.last_review.reviewed_on if self.last_review else None

    @property
    def review_version(self):
        """The version a reviewer acts on: the working copy, else the approved one."""
        return self.working or self.approved

    @property
    def admin_url(self):
        opts = reviewed_kind(self.kind).model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.object_id]
        )

    def is_overdue(self, today=None):
        due = self.next_review_due
        today = today or timezone.localdate()
        return self.is_published and due is not None and due < today

    def is_due_soon(self, today=None):
        due = self.next_review_due
        today = today or timezone.localdate()
        soon = today + datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS)
        return self.is_published and due is not None and today <= due <= soon

    def is_waiting(self):
        return self.working is not None and self.working.status == Status.PENDING

    def is_changed_since_review(self):
        return self.approved is not None and self.working is not None

    def concerns(self, reviewer):
        """Whether ``reviewer`` looks after this item.

        An item belongs to the reviewers of its latest review, and to the
        members of a panel among them. An item never reviewed belongs to all.
        """
        if self.last_review is None:
            return True
        for named in self.reviewers:
            if named.pk == reviewer.pk:
                return True
            if any(member.pk == reviewer.pk for member in named.members.all()):
                return True
        return False


def item_states(*, kind=None, object_id=None) -> list[ItemState]:
    """Every existing reviewed item with its versions and latest review.

    ``object_id`` (with ``kind``) narrows it to one item, for its admin page.
    """
    types = [reviewed_kind(kind)] if kind else reviewed_types()
    kind_of = {reviewed.content_type.pk: reviewed.kind for reviewed in types}
    states = {}
    one_item = {} if object_id is None else {"object_id": object_id}
    for reviewed in types:
        key = reviewed.kind
        items = reviewed.model._default_manager.filter(
            **({"pk": object_id} if one_item else {})
        )
        published = set(items.published().values_list("pk", flat=True))
        for pk, title in items.values_list("pk", reviewed.title_field):
            states[key, pk] = ItemState(
                kind=key, object_id=pk, title=title, is_published=pk in published
            )
    versions = (
        ContentVersion.objects.filter(content_type__in=kind_of, **one_item)
        .exclude(status=Status.SUPERSEDED)
        .defer("snapshot")
        .select_related("created_by")
    )
    for version in versions:
        state = states.get((kind_of[version.content_type_id], version.object_id))
        if state is None:
            continue  # the item was deleted; its history stays
        if version.status == Status.APPROVED:
            state.approved = version
        else:
            state.working = version
    records = (
        ReviewRecord.objects.filter(
            version__content_type__in=kind_of,
            **{f"version__{key}": value for key, value in one_item.items()},
        )
        .filter(
            Q(outcome=ReviewRecord.Outcome.APPROVED, kind__in=COUNTING_KINDS)
            | Q(
                outcome=ReviewRecord.Outcome.CHANGES_REQUESTED,
                version__status=Status.CHANGES_REQUESTED,
            )
        )
        .select_related("version", "recorded_by")
        .defer("version__snapshot")
        .prefetch_related("reviewers__members", "reviewer_links")
        .order_by("-reviewed_on", "-pk")
    )
    for record in records:
        key = kind_of[record.version.content_type_id]
        state = states.get((key, record.version.object_id))
        if state is None:
            continue
        if record.outcome == ReviewRecord.Outcome.APPROVED:
            if state.last_review is None:
                state.last_review = record
                state.reviewers = list(record.reviewers.all())
                state.signatures = list(record.reviewer_links.all())
        elif state.working and state.working.pk == record.version_id:
            state.changes_request = state.changes_request or record
    return sorted(states.values(), key=lambda s: (s.kind, s.title.lower()))


@dataclass
class Dashboard:
    overdue: list
    due_soon: list
    waiting: list
    changed: list
    changes_requested: list


def dashboard(*, kind=None, reviewer=None, today=None) -> Dashboard:
    today = today or timezone.localdate()
    states = item_states(kind=kind)
    if reviewer is not None:
        states = [s for s in states if s.concerns(reviewer)]

    def by_due(items):
        return sorted(items, key=lambda s: s.next_review_due)

    return Dashboard(
        overdue=by_due(s for s in states if s.is_overdue(today)),
        due_soon=by_due(s for s in states if s.is_due_soon(today)),
        waiting=[s for s in states if s.is_waiting()],
        changed=[s for s in states if s.is_changed_since_review()],
        changes_requested=[
            s
            for s in states
            if s.working and s.working.status == Status.CHANGES_REQUESTED
        ],
    )
