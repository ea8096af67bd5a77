"""Who may do what in casework: one function per question, shared by the views
and the services so the two never disagree."""

from inquiries.triage import user_can_triage
from inquiries.workflow import Status

from .models import AssessmentRequest


def can_triage(user) -> bool:
    """Coordinators (and superusers): the whole queue and every inquiry."""
    return user_can_triage(user)


def is_clinician(user) -> bool:
    return bool(
        user
        and user.is_active
        and user.is_staff
        and user.has_perm("casework.add_assessment")
    )


def clinician_requests(user):
    """The assessment requests sent to this clinician: all they may see.

    A clinician sees a case while it is open: once the inquiry is closed (or its
    data erased) their opinion is no longer asked for, and neither is access to
    the patient's health data.
    """
    if not is_clinician(user):
        return AssessmentRequest.objects.none()
    return AssessmentRequest.objects.filter(
        clinician=user, inquiry__erased_at=None
    ).exclude(inquiry__status=Status.CLOSED)


def can_assess(user, request: AssessmentRequest) -> bool:
    """The request was sent to ``user`` and its inquiry is still open."""
    inquiry = request.inquiry
    return (
        is_clinician(user)
        and request.clinician_id == user.pk
        and inquiry.erased_at is None
        and inquiry.is_open
    )
