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
