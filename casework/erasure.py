"""What a person's erasure request removes from casework."""

from django.utils import timezone

from .models import Assessment, AssessmentRequest, Message, PatientLink


def erase_casework(*, inquiry) -> None:
    """Messages, assessments and questions to clinicians hold health data: they
    go. Links stop working. Runs inside ``inquiry_erase``'s transaction."""
    Message.objects.filter(inquiry=inquiry).delete()
    Assessment.objects.filter(inquiry=inquiry).erase_for_person()
    AssessmentRequest.objects.filter(inquiry=inquiry).update(question="")
    PatientLink.objects.filter(inquiry=inquiry, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
