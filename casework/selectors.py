"""Reads that span inquiries and casework: the thread, saved views, dashboard."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries.models import Inquiry, InquiryEvent
from inquiries.selectors import coordinators
from inquiries.workflow import Outcome, Status

from .models import Assessment, AssessmentRequest, Message, PatientLink


@dataclass
class ThreadEntry:
    when: datetime
    kind: str  # message_out, message_in, assessment, request, event, email, link
    who: str
    title: str
    body: str = ""
    obj: object = None
    extra: dict = field(default_factory=dict)


def _name(user, fallback=""):
    if user is None:
        return fallback or _("system")
    return user.get_full_name() or user.get_username()


def inquiry_thread(inquiry: Inquiry) -> list[ThreadEntry]:
    """The conversation and the timeline in one list, oldest first (staff only)."""
    entries = []
    messages = inquiry.messages.select_related("author", "notice", "assessment")
    announced = set()
    for message in messages:
        outgoing = message.direction == Message.Direction.TO_PATIENT
        if message.notice_id:
            announced.add(message.notice_id)
        entries.append(
            ThreadEntry(
                when=message.created_at,
                kind="message_out" if outgoing else "message_in",
                who=_name(message.author) if outgoing else _("Patient"),
                title=_("Message to the patient")
                if outgoing
                else _("Message from the patient"),
                body=message.body,
                obj=message,
                extra={"notice": message.notice},
            )
        )
    for assessment in inquiry.assessments.select_related("clinician").prefetch_related(
        "suggested_centres"
    ):
        entries.append(
            ThreadEntry(
                when=assessment.signed_at,
                kind="assessment",
                who=assessment.signed_name,
                title=_("Clinician's assessment"),
                obj=assessment,
                extra={"superseded": hasattr(assessment, "superseded_by")},
            )
        )
    for request in inquiry.assessment_requests.select_related(
        "clinician", "requested_by"
    ):
        entries.append(
            ThreadEntry(
                when=request.created_at,
                kind="request",
                who=_name(request.requested_by),
                title=_("Assessment asked of %(clinician)s")
                % {"clinician": _name(request.clinician, "—")},
                body=request.question,
            )
        )
    for event in inquiry.events.select_related("actor"):
        if event.kind == InquiryEvent.Kind.EMAIL:
            continue
        entries.append(
            ThreadEntry(
                when=event.created_at,
                kind="event",
                who=_name(event.actor),
                title=event.summary,
                body=event.note,
            )
        )
    for email in inquiry.emails.all():
        if email.pk in announced:
            continue
        entries.append(
            ThreadEntry(
                when=email.sent_at or email.created_at,
                kind="email",
                who=_("system"),
                title=_("E-mail “%(kind)s”: %(state)s")
                % {"kind": email.get_kind_display(), "state": email.state},
            )
        )
    for link in inquiry.patient_links.filter(revoked_at__isnull=False).select_related(
        "revoked_by"
    ):
        entries.append(
            ThreadEntry(
                when=link.revoked_at,
                kind="event",
                who=_name(link.revoked_by),
                title=_("Patient link %(link)d revoked") % {"link": link.pk},
            )
        )
    return sorted(entries, key=lambda entry: entry.when)


def patient_messages(inquiry: Inquiry):
    """What the patient sees: the messages, never notes, events or assessments."""
    return inquiry.messages.select_related("author").order_by("created_at", "pk")


def current_assessment(inquiry: Inquiry) -> Assessment | None:
    return (
        inquiry.assessments.prefetch_related("suggested_centres")
        .order_by("-signed_at", "-pk")
        .first()
    )


# Saved views of the queue: name, label and how each narrows the queryset.


def waiting_for_patient(queryset):
    """Open inquiries whose last message went to the patient, not yet answered."""
    last_out = (
        Message.objects.filter(
            inquiry=OuterRef("pk"), direction=Message.Direction.TO_PATIENT
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    answered = Message.objects.filter(
        inquiry=OuterRef("pk"),
        direction=Message.Direction.FROM_PATIENT,
        created_at__gt=OuterRef("last_to_patient"),
    )
    return (
        queryset.open()
        .annotate(last_to_patient=Subquery(last_out))
        .filter(last_to_patient__isnull=False)
        .exclude(Exists(answered))
    )


def waiting_for_clinician(queryset):
    pending = AssessmentRequest.objects.filter(
        inquiry=OuterRef("pk"), answered_at__isnull=True
    )
    return queryset.open().filter(Exists(pending))


SAVED_VIEWS = {
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


def casework_figures(now=None) -> dict:
    """The path received → triaged → assessed → answered → referred over the last
    90 days, median times to first reply and to assessment, and open load."""
    now = now or timezone.now()
    first_reply = Min(
        "messages__created_at",
        filter=Q(messages__direction=Message.Direction.TO_PATIENT),
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
    load = dict(
        Inquiry.objects.open()
        .order_by()
        .values_list("assignee")
        .annotate(count=Count("pk"))
    )
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
        "load": [(user.get_username(), load.get(user.pk, 0)) for user in coordinators()]
        + [(_("Unassigned"), load.get(None, 0))],
        "links_in_use": PatientLink.objects.filter(
            revoked_at=None, expires_at__gt=now
        ).count(),
    }
