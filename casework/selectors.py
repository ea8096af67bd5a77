"""Reads that span inquiries and casework: saved views and the dashboard (the
workspace thread is in thread.py)."""

from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries.models import Inquiry
from inquiries.selectors import coordinators
from inquiries.workflow import OPEN_STATUSES, Outcome, Status

from .models import Assessment, AssessmentRequest, Message, PatientLink


def patient_messages(inquiry: Inquiry):
    """What the patient sees: the messages, never notes, events or assessments."""
    return inquiry.messages.select_related("author").order_by("created_at", "pk")


# Saved views of the queue: name, label and how each narrows the queryset.


def _last_to_patient():
    return (
        Message.objects.filter(
            inquiry=OuterRef("pk"), direction=Message.Direction.TO_PATIENT
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )


def _patient_answered():
    return Exists(
        Message.objects.filter(
            inquiry=OuterRef("pk"),
            direction=Message.Direction.FROM_PATIENT,
            created_at__gt=OuterRef("last_to_patient"),
        )
    )


def _clinician_pending():
    return Exists(
        AssessmentRequest.objects.filter(
            inquiry=OuterRef("pk"), answered_at__isnull=True
        )
    )


def waiting_for_patient(queryset):
    """Open inquiries whose last message went to the patient, not yet answered."""
    return (
        queryset.open()
        .annotate(last_to_patient=Subquery(_last_to_patient()))
        .filter(last_to_patient__isnull=False)
        .exclude(_patient_answered())
    )


def waiting_for_clinician(queryset):
    return queryset.open().filter(_clinician_pending())


SAVED_VIEWS = {
    "needs_reply": (
        gettext_lazy("Needs reply"),
        lambda qs, user: qs.needing_reply(),
    ),
    "mine": (
        gettext_lazy("Mine"),
        lambda qs, user: qs.open().filter(assignee=user),
    ),
    "unassigned": (
        gettext_lazy("Unassigned"),
        lambda qs, user: qs.open().filter(assignee__isnull=True),
    ),
    "overdue": (gettext_lazy("Overdue"), lambda qs, user: qs.overdue()),
    "waiting_patient": (
        gettext_lazy("Waiting for patient"),
        lambda qs, user: waiting_for_patient(qs),
    ),
    "waiting_clinician": (
        gettext_lazy("Waiting for clinician"),
        lambda qs, user: waiting_for_clinician(qs),
    ),
}


TAB_COUNT_SECONDS = 60


def _tab_counts_key(user) -> str:
    return f"casework:queue-tabs:{user.pk}"


def saved_view_counts(user, now=None) -> dict[str, int]:
    """How many inquiries each saved view (and "all") holds, for the tabs.

    One query, whatever the number of views, kept a minute per user as the
    queue's own count is (turning pages counts nothing again); the user's own
    changes forget it at once (``saved_view_counts_forget``)."""
    key = _tab_counts_key(user)
    counts = cache.get(key)
    if counts is None:
        counts = _count_saved_views(user, now or timezone.now())
        cache.set(key, counts, TAB_COUNT_SECONDS)
    return counts


def saved_view_counts_forget(user) -> None:
    cache.delete(_tab_counts_key(user))


def _count_saved_views(user, now) -> dict[str, int]:
    is_open = Q(status__in=OPEN_STATUSES)
    annotated = Inquiry.objects.order_by().annotate(
        last_to_patient=Subquery(_last_to_patient()),
        patient_answered=_patient_answered(),
        clinician_pending=_clinician_pending(),
    )
    conditions = {
        "all": Q(),
        "needs_reply": is_open & Q(needs_reply=True),
        "mine": is_open & Q(assignee=user),
        "unassigned": is_open & Q(assignee__isnull=True),
        "overdue": is_open
        & Q(first_responded_at__isnull=True, first_response_due__lt=now),
        "waiting_patient": is_open
        & Q(last_to_patient__isnull=False, patient_answered=False),
        "waiting_clinician": is_open & Q(clinician_pending=True),
    }
    return annotated.aggregate(
        **{key: Count("pk", filter=condition) for key, condition in conditions.items()}
    )


# The dashboard's path from received to referred.

PATH_DAYS = 90


@dataclass
class PathStep:
    label: str
    count: int
    share: float  # of received, 0..1


def _hours(deltas) -> float | None:
    values = [delta.total_seconds() / 3600 for delta in deltas if delta is not None]
    return round(median(values), 1) if values else None


def casework_path(now=None) -> dict:
    """The path received → triaged → assessed → answered → referred over the last
    90 days, and the median times to first reply and to assessment."""
    now = now or timezone.now()
    # Correlated subqueries on the (inquiry, direction, created_at) index, not a
    # join and GROUP BY over every recent inquiry.
    first_reply = Subquery(
        Message.objects.filter(
            inquiry=OuterRef("pk"), direction=Message.Direction.TO_PATIENT
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    recent = (
        Inquiry.objects.filter(received_at__gte=now - timedelta(days=PATH_DAYS))
        .exclude(outcome=Outcome.SPAM)
        .order_by()
    )
    rows = list(
        recent.annotate(
            first_reply=first_reply,
            first_assessment=Subquery(
                Assessment.objects.filter(inquiry=OuterRef("pk"))
                .order_by("signed_at")
                .values("signed_at")[:1]
            ),
        ).values(
            "received_at",
            "status",
            "outcome",
            "first_responded_at",
            "first_reply",
            "first_assessment",
        )
    )
    referred_statuses = {Status.HOSPITAL_COORDINATION, Status.TRAVEL_ADMISSION}
    counts = [
        (gettext_lazy("Received"), len(rows)),
        (
            gettext_lazy("Triaged"),
            sum(
                1 for r in rows if r["status"] != Status.NEW or r["first_responded_at"]
            ),
        ),
        (gettext_lazy("Assessed"), sum(1 for r in rows if r["first_assessment"])),
        (gettext_lazy("Answered"), sum(1 for r in rows if r["first_reply"])),
        (
            gettext_lazy("Referred"),
            sum(
                1
                for r in rows
                if r["outcome"] == Outcome.REFERRED or r["status"] in referred_statuses
            ),
        ),
    ]
    total = counts[0][1] or 1
    return {
        "days": PATH_DAYS,
        "path": [PathStep(str(label), count, count / total) for label, count in counts],
        "median_first_reply_hours": _hours(
            r["first_reply"] - r["received_at"] for r in rows if r["first_reply"]
        ),
        "median_assessment_hours": _hours(
            r["first_assessment"] - r["received_at"]
            for r in rows
            if r["first_assessment"]
        ),
    }


def casework_figures(
    now=None, *, load: dict | None = None, path: dict | None = None
) -> dict:
    """``casework_path`` with each coordinator's open load and the patient links
    in use.

    ``load`` (open inquiries per assignee id) and ``path``: when the caller has
    them already (``inquiries.selectors.dashboard_figures``, a cached path)."""
    now = now or timezone.now()
    if path is None:
        path = casework_path(now)
    if load is None:
        load = dict(
            Inquiry.objects.open()
            .order_by()
            .values_list("assignee")
            .annotate(count=Count("pk"))
        )
    return {
        **path,
        "load": [
            (user.get_display_name(), load.get(user.pk, 0)) for user in coordinators()
        ]
        + [(_("Unassigned"), load.get(None, 0))],
        "links_in_use": PatientLink.objects.filter(
            revoked_at=None, expires_at__gt=now
        ).count(),
    }
