"""Asking a clinician for an opinion, and the clinician's signed assessment.

An assessment is structured, signed (name copied as it was that day, and a
SHA-256 of what was signed) and append-only: a later one supersedes the
earlier, which stays readable in the thread.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inquiries.activity import inquiry_activity_record
from inquiries.models import Inquiry, OutboxEmail
from inquiries.outbox import outbox_email_queue
from inquiries.text_limits import text_within_limit
from inquiries.workflow import Activity

from .access import can_assess, can_triage, is_clinician
from .messaging import activity_alert
from .models import Assessment, AssessmentRequest, TreatmentCentre

# The workspace's question box counts to this (casework/forms.py).
MAX_QUESTION = 5000

SIGNED_FIELDS = (
    "diagnosis_confirmed",
    "stage_confirmed",
    "treatments_so_far",
    "ecog",
    "missing",
    "conclusion",
    "reasoning",
)
# The assessment's questions the inquiry form already asked the patient.
PATIENT_TOLD_US = ("diagnosis_confirmed", "stage_confirmed", "treatments_so_far")


def clinicians():
    """Active staff who may record assessments: the people one can ask."""
    permission = Permission.objects.filter(
        codename="add_assessment", content_type__app_label="casework"
    ).first()
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, is_superuser=False)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
        .order_by("email")
    )


def _holds(codename: str, app_label: str) -> Exists:
    """The user holds the permission, directly or through a group."""
    return Exists(
        Permission.objects.filter(
            Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
            codename=codename,
            content_type__app_label=app_label,
        )
    )


def casework_people() -> tuple[list, list]:
    """The coordinators one can assign and the clinicians one can ask, as
    ``coordinators()`` and ``clinicians()`` would list them, read in one query
    (the workspace needs both on every view)."""
    people = list(
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .annotate(
            triages=_holds("change_inquiry", "inquiries"),
            assesses=_holds("add_assessment", "casework"),
        )
        .filter(Q(is_superuser=True) | Q(triages=True) | Q(assesses=True))
        .order_by("email")
    )
    return (
        [person for person in people if person.is_superuser or person.triages],
        [person for person in people if person.assesses and not person.is_superuser],
    )


@transaction.atomic
def assessment_request_create(
    *, inquiry: Inquiry, clinician, actor, question: str = ""
) -> AssessmentRequest:
    """Send the inquiry to one clinician; from now on they may read it."""
    if not can_triage(actor):
        raise ValidationError(_("Only coordinators ask for assessments."))
    if not is_clinician(clinician):
        raise ValidationError(
            _("%(user)s is not a clinician.") % {"user": clinician.get_username()},
            code="not_a_clinician",
        )
    if inquiry.erased_at is not None:
        raise ValidationError(_("This inquiry's data was erased."), code="erased")
    question = (question or "").replace("\r\n", "\n").strip()
    # Refused, never cut: the form keeps what the coordinator wrote.
    text_within_limit(question, MAX_QUESTION)
    request = AssessmentRequest(
        inquiry=inquiry,
        clinician=clinician,
        requested_by=actor,
        question=question,
    )
    request.full_clean()
    request.save()
    inquiry_activity_record(
        inquiry=inquiry, activity=Activity.SENT_TO_CLINICIAN, at=request.created_at
    )
    clinician_request_notice(request)
    return request


def clinician_request_notice(request: AssessmentRequest) -> None:
    """Tell the clinician a case waits for them: the reference and the link only,
    no health data. Queued in the outbox in the request's transaction, so a mail
    server that is down delays the e-mail and never loses the request."""
    clinician = request.clinician
    if not clinician.email:
        return
    link = reverse("admin:casework_assessmentrequest_change", args=[request.pk])
    outbox_email_queue(
        inquiry=request.inquiry,
        kind=OutboxEmail.Kind.CLINICIAN_REQUEST,
        recipients=[clinician.email],
        subject=_("A case waits for your assessment: %(reference)s")
        % {"reference": request.inquiry.reference},
        template="casework/email/clinician_request.txt",
        context={"request_url": settings.SITE_URL.rstrip("/") + link},
    )


def centres_copy(centres) -> list[dict]:
    """What the assessment shows of each centre, kept as it was when signed."""
    return [
        {"id": c.pk, "name": c.name, "city": c.city, "country": c.country}
        for c in sorted(centres, key=lambda c: (c.country, c.name))
    ]


def signature(values: dict, centre_ids, centres_signed: list[dict]) -> str:
    """SHA-256 of the signed text, the centres' ids and the copy of the centres."""
    payload = {name: values[name] for name in SIGNED_FIELDS}
    payload["suggested_centres"] = sorted(centre_ids)
    payload["centres_signed"] = centres_signed
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


@transaction.atomic
def assessment_record(
    *, request: AssessmentRequest, clinician, values: dict, centres=()
) -> Assessment:
    """Sign and store the clinician's assessment; it supersedes the last one."""
    request = AssessmentRequest.objects.select_for_update().get(pk=request.pk)
    inquiry = Inquiry.objects.select_for_update().get(pk=request.inquiry_id)
    if inquiry.erased_at is not None:
        raise ValidationError(_("This inquiry's data was erased."), code="erased")
    if not inquiry.is_open:
        raise ValidationError(_("This inquiry is closed."), code="closed")
    request.inquiry = inquiry
    if not can_assess(clinician, request):
        raise ValidationError(_("This request was not sent to you."), code="not_yours")
    centres = list(centres)
    if any(not centre.is_active for centre in centres):
        raise ValidationError(_("Choose active centres only."), code="inactive")
    previous = inquiry.assessments.order_by("-signed_at", "-pk").first()
    values = {name: values.get(name, "") for name in SIGNED_FIELDS}
    copy = centres_copy(centres)
    assessment = Assessment(
        inquiry=inquiry,
        request=request,
        clinician=clinician,
        supersedes=previous,
        signed_name=clinician.get_signature(),
        signed_at=timezone.now(),
        centres_signed=copy,
        content_sha256=signature(values, [centre.pk for centre in centres], copy),
        **values,
    )
    assessment.full_clean()
    assessment.save()
    # Written once, here, past the relation's manager: that one refuses every
    # change, so nothing can alter the centres after signing.
    through = Assessment.suggested_centres.through
    through.objects.bulk_create(
        [through(assessment=assessment, treatmentcentre=centre) for centre in centres]
    )
    AssessmentRequest.objects.filter(pk=request.pk, answered_at=None).update(
        answered_at=assessment.signed_at
    )
    inquiry_activity_record(
        inquiry=inquiry,
        activity=Activity.ASSESSMENT_RECORDED,
        at=assessment.signed_at,
    )
    activity_alert(inquiry=inquiry, what=_("a clinician recorded an assessment."))
    return assessment


def assessment_initial(inquiry: Inquiry) -> dict:
    """Where the assessment asks again what the patient told us (diagnosis,
    stage, treatments so far), the form starts from it: from the last
    assessment's confirmed answers if there is one, else from the inquiry. The
    clinician checks it against the records; the opinion itself starts empty."""
    previous = inquiry.assessments.order_by("-signed_at", "-pk").first()
    if previous is not None:
        return {name: getattr(previous, name) for name in PATIENT_TOLD_US}
    treatments = [str(label) for label in inquiry.treatment_labels()]
    if inquiry.treatments_other:
        treatments.append(inquiry.treatments_other)
    initial = {"treatments_so_far": ", ".join(treatments)}
    if inquiry.stage and inquiry.stage != Inquiry.Stage.UNKNOWN:
        initial["stage_confirmed"] = inquiry.stage
    if inquiry.cancer_type_label:
        initial["diagnosis_confirmed"] = inquiry.cancer_type_label
    return initial


def assessment_is_intact(assessment: Assessment) -> bool:
    values = {name: getattr(assessment, name) for name in SIGNED_FIELDS}
    ids = assessment.suggested_centres.values_list("pk", flat=True)
    expected = signature(values, ids, assessment.centres_signed)
    return expected == assessment.content_sha256


def active_centres():
    return TreatmentCentre.objects.filter(is_active=True)
