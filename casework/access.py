"""Who may do what in casework: one function per question, shared by the views
and the services so the two never disagree."""

from inquiries.triage import user_can_triage

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
    """The assessment requests sent to this clinician: all they may see."""
    if not is_clinician(user):
        return AssessmentRequest.objects.none()
    return AssessmentRequest.objects.filter(clinician=user, inquiry__erased_at=None)


def can_assess(user, request: AssessmentRequest) -> bool:
    return is_clinician(user) and request.clinician_id == user.pk
