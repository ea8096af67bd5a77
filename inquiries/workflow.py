"""Statuses, outcomes and the one table of allowed status changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    RECORDS_REQUESTED = "records_requested", _("Records requested")
    MEDICAL_REVIEW = "medical_review", _("Medical review")
    HOSPITAL_COORDINATION = "hospital_coordination", _("Hospital coordination")
    TRAVEL_ADMISSION = "travel_admission", _("Travel and admission")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    REFERRED = "referred", _("Referred to a hospital")
    NOT_SUITABLE = "not_suitable", _("Not suitable")
    NO_RESPONSE = "no_response", _("No response from the patient")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SPAM = "spam", _("Spam")


class Priority(models.IntegerChoices):
    # Lower sorts first: the queue lists urgent inquiries at the top.
    URGENT = 1, _("Urgent")
    HIGH = 2, _("High")
    NORMAL = 3, _("Normal")
    LOW = 4, _("Low")


# From each status, the statuses it may move to. Anything else is refused by
# ``services.inquiry_transition``. Closing needs an outcome; a closed inquiry can be
# reopened into triage (an erased one never).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.TRIAGED, Status.RECORDS_REQUESTED, Status.CLOSED),
    Status.TRIAGED: (Status.RECORDS_REQUESTED, Status.MEDICAL_REVIEW, Status.CLOSED),
    Status.RECORDS_REQUESTED: (Status.MEDICAL_REVIEW, Status.CLOSED),
    Status.MEDICAL_REVIEW: (
        Status.RECORDS_REQUESTED,
        Status.HOSPITAL_COORDINATION,
        Status.CLOSED,
    ),
    Status.HOSPITAL_COORDINATION: (
        Status.MEDICAL_REVIEW,
        Status.TRAVEL_ADMISSION,
        Status.CLOSED,
    ),
    Status.TRAVEL_ADMISSION: (Status.HOSPITAL_COORDINATION, Status.CLOSED),
    Status.CLOSED: (Status.TRIAGED,),
}

OPEN_STATUSES = tuple(status for status in Status if status != Status.CLOSED)


def allowed_transitions(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


class Activity(models.TextChoices):
    """The last thing that happened on an inquiry, as the queue row shows it."""

    RECEIVED = "received", _("Received")
    MESSAGE_SENT = "message_sent", _("Message sent")
    SENT_TO_CLINICIAN = "sent_to_clinician", _("Sent to a clinician")
    PATIENT_REPLIED = "patient_replied", _("Patient replied")
    RECORDS_RECEIVED = "records_received", _("Records received")
    ASSESSMENT_RECORDED = "assessment_recorded", _("Assessment recorded")


# What arrives from outside asks for an answer to the patient; only a message to
# the patient gives one (asking a clinician leaves the patient still waiting).
NEEDS_REPLY_AFTER = frozenset(
    {
        Activity.RECEIVED,
        Activity.PATIENT_REPLIED,
        Activity.RECORDS_RECEIVED,
        Activity.ASSESSMENT_RECORDED,
    }
)
ANSWERED_BY = frozenset({Activity.MESSAGE_SENT})


class Step(models.TextChoices):
    """What a coordinator did that moves the case on by itself."""

    REPLY = "reply", _("Reply to the patient")
    RECORDS_REQUEST = "records_request", _("Records request")
    CLINICIAN_REQUEST = "clinician_request", _("Clinician request")


# Where each step takes an inquiry, by its status (absent: the status stays). A
# target out of reach in one transition is reached through the table's shortest
# path, each transition recorded (New → Triaged → Medical review).
STATUS_AFTER: dict[str, dict[str, str]] = {
    Step.REPLY: {Status.NEW: Status.TRIAGED},
    Step.RECORDS_REQUEST: {
        Status.NEW: Status.RECORDS_REQUESTED,
        Status.TRIAGED: Status.RECORDS_REQUESTED,
        Status.MEDICAL_REVIEW: Status.RECORDS_REQUESTED,
    },
    Step.CLINICIAN_REQUEST: {
        Status.NEW: Status.MEDICAL_REVIEW,
        Status.TRIAGED: Status.MEDICAL_REVIEW,
        Status.RECORDS_REQUESTED: Status.MEDICAL_REVIEW,
        Status.HOSPITAL_COORDINATION: Status.MEDICAL_REVIEW,
    },
}


def status_after(step: str, status: str) -> str | None:
    """The status ``step`` sets from ``status``, or None when it stays."""
    return STATUS_AFTER.get(step, {}).get(status)


def status_path(from_status: str, to_status: str) -> list[str]:
    """The statuses passed through, ``to_status`` last, by the fewest allowed
    transitions; empty when it cannot be reached."""
    paths = {from_status: []}
    frontier = [from_status]
    while frontier:
        following = []
        for status in frontier:
            for target in allowed_transitions(status):
                if target not in paths:
                    paths[target] = [*paths[status], target]
                    following.append(target)
        if to_status in paths:
            return paths[to_status]
        frontier = following
    return []
