"""Demo casework for ``load_demo``: a clinician, two centres, message templates
and a few inquiries at different stages. Safe to run again: rows are found by
name, purpose or submission key, and a stage already reached is not repeated.

The demo inquiries' e-mails are marked as sent without sending: their addresses
are made up.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import Group
from django.test import override_settings

from cancerfax import roles
from guides.models import CancerIndication
from inquiries.consent import (
    CURRENT_CONSENT_VERSION,
    CURRENT_TRANSFER_CONSENT_VERSION,
)
from inquiries.models import Inquiry
from inquiries.outbox import outbox_mark_sent_unsent
from inquiries.services import inquiry_submit
from inquiries.triage import inquiry_assign, inquiry_transition
from inquiries.workflow import Status

from .assessments import assessment_record, assessment_request_create
from .messaging import message_send, template_fill
from .models import MessageTemplate, TreatmentCentre

# The coordinator load_demo creates (guides.demo_content.DEMO_USERS).
COORDINATOR_EMAIL = "demo-coordinator@example.org"
CLINICIAN = {
    "email": "demo-clinician@example.org",
    "password": "clinician-demo-only",
    "display_name": "Dr Amara Okafor (demo)",
    "credentials": "MD, FRCP",
}
CENTRES = [
    {
        "name": "Guangzhou Cell Therapy Centre (demo)",
        "city": "Guangzhou",
        "country": "CN",
        "therapies": "CIK, DC-CIK, CAR-T",
        "coordinator_contact": "International office, intl@example.org",
        "notes": "Demo record: not a real partner.",
    },
    {
        "name": "Chennai Oncology Institute (demo)",
        "city": "Chennai",
        "country": "IN",
        "therapies": "CIK, radiotherapy, surgery",
        "coordinator_contact": "Patient desk, desk@example.org",
        "notes": "Demo record: not a real partner.",
    },
]
EN = "en"
TEMPLATES = {
    ("acknowledgement", EN): (
        "Hello,\n\nThank you for writing to us about your case ({reference}). I am "
        "your coordinator and I have read what you sent. I will come back to you "
        "once our medical team has looked at the records.\n\nBest wishes,\n"
        "{coordinator}"
    ),
    ("acknowledgement", "fr"): (
        "Bonjour,\n\nMerci de nous avoir écrit au sujet de votre dossier "
        "({reference}). Je suis votre coordinatrice et j'ai lu votre message. Je "
        "reviendrai vers vous dès que notre équipe médicale aura examiné les "
        "documents.\n\nBien cordialement,\n{coordinator}"
    ),
    ("records_requested", EN): (
        "Hello,\n\nTo give you a useful answer our doctors need a few more "
        "records:\n{missing}\n\nYou can send them on this page, as PDF or photos."
        "\n\nBest wishes,\n{coordinator}"
    ),
    ("not_suitable", EN): (
        "Hello,\n\nOur doctors looked carefully at the records you sent. We are "
        "sorry to say that CIK therapy does not seem suitable in this situation:\n"
        "{reasoning}\n\nPlease keep talking with your own oncologist.\n\n"
        "With best wishes,\n{coordinator}"
    ),
    ("worth_considering", EN): (
        "Hello,\n\nOur doctors looked at the records you sent. CIK therapy may be "
        "worth considering:\n{reasoning}\n\nNext steps: we can introduce you to "
        "these centres, which would confirm with their own tests:\n{centres}\n\n"
        "Would you like us to do that?\n\nBest wishes,\n{coordinator}"
    ),
    ("referred", EN): (
        "Hello,\n\nAs agreed we have introduced your case to:\n{centres}\n\nTheir "
        "international office will write to you directly. We stay with you in the "
        "meantime.\n\nBest wishes,\n{coordinator}"
    ),
}
INQUIRIES = [
    ("demo-casework-new", "Leila Haddad (demo)", "leila@example.org", "fr"),
    ("demo-casework-waiting", "Tomas Novak (demo)", "tomas@example.org", EN),
    ("demo-casework-clinician", "Grace Mensah (demo)", "grace@example.org", EN),
    ("demo-casework-assessed", "Arjun Rao (demo)", "arjun@example.org", EN),
]
TRANSFER_AGREED = {"demo-casework-assessed"}


def load_casework_demo(*, stdout=None, with_users=False):
    """Returns the accounts created, as (label, e-mail, password) rows."""
    centres = [
        TreatmentCentre.objects.update_or_create(name=data["name"], defaults=data)[0]
        for data in CENTRES
    ]
    for (purpose, language), body in TEMPLATES.items():
        MessageTemplate.objects.get_or_create(
            purpose=purpose, language=language, defaults={"body": body}
        )
    if not with_users:
        return []
    clinician = _clinician()
    coordinator = get_user_model().objects.filter(email=COORDINATOR_EMAIL).first()
    if coordinator is not None:
        with override_settings(INQUIRY_OUTBOX_SEND_ON_COMMIT=False):
            _inquiries(coordinator, clinician, centres)
    if stdout is not None:
        stdout.write(f"Casework: {len(centres)} centres, {len(TEMPLATES)} templates")
    password = (
        CLINICIAN["password"]
        if check_password(CLINICIAN["password"], clinician.password)
        else "(changed since; not shown)"
    )
    return [(roles.CLINICIAN, clinician.get_username(), password)]


def _clinician():
    users = get_user_model()
    user = users.objects.filter(email=CLINICIAN["email"]).first()
    if user is None:
        user = users(
            email=CLINICIAN["email"],
            display_name=CLINICIAN["display_name"],
            credentials=CLINICIAN["credentials"],
            is_staff=True,
        )
        user.set_password(CLINICIAN["password"])
        user.save()
    if not Group.objects.filter(name=roles.CLINICIAN).exists():
        roles.sync_roles()
    user.groups.add(Group.objects.get(name=roles.CLINICIAN))
    return user


def _submit(key, name, email, language):
    return inquiry_submit(
        submission_key=key,
        data={
            "writer_role": "family",
            "patient_name": name,
            "email": email,
            "phone": "",
            "country": "GB",
            "preferred_language": language,
            "contact_method": "email",
            "cancer_type": CancerIndication.objects.order_by("pk").first(),
            "diagnosis_year": 2024,
            "stage": "3",
            "treatments": ["surgery", "chemotherapy"],
            "current_condition": "Walking every day; tired after treatment.",
            "questions": "Could CIK therapy help after chemotherapy?",
        },
        consent_version=CURRENT_CONSENT_VERSION,
        # One demo patient agreed to the records going abroad, the others not:
        # the workspace shows both, and "Hospital coordination" opens for one.
        transfer_consent_version=(
            CURRENT_TRANSFER_CONSENT_VERSION if key in TRANSFER_AGREED else ""
        ),
    )


def _inquiries(coordinator, clinician, centres):
    made = {key: _submit(key, *rest) for key, *rest in INQUIRIES}
    for key in ("demo-casework-waiting", "demo-casework-assessed"):
        inquiry = made[key]
        if not inquiry.messages.exists():
            inquiry_assign(inquiry=inquiry, assignee=coordinator, actor=coordinator)
            inquiry_transition(
                inquiry=inquiry, to_status=Status.TRIAGED, actor=coordinator
            )
            template = MessageTemplate.objects.get(
                purpose="acknowledgement", language=EN
            )
            message_send(
                inquiry=inquiry,
                author=coordinator,
                body=template_fill(
                    body=template.body, inquiry=inquiry, coordinator=coordinator
                ),
                template_purpose=template.purpose,
            )
    for key in ("demo-casework-clinician", "demo-casework-assessed"):
        inquiry = Inquiry.objects.get(pk=made[key].pk)
        if not inquiry.assessment_requests.exists():
            if inquiry.status == Status.NEW:
                inquiry_transition(
                    inquiry=inquiry, to_status=Status.TRIAGED, actor=coordinator
                )
            inquiry_transition(
                inquiry=inquiry, to_status=Status.MEDICAL_REVIEW, actor=coordinator
            )
            assessment_request_create(
                inquiry=inquiry,
                clinician=clinician,
                actor=coordinator,
                question="Is CIK worth considering after two lines of chemotherapy?",
            )
    assessed = made["demo-casework-assessed"]
    request = assessed.assessment_requests.first()
    if not assessed.assessments.exists():
        assessment_record(
            request=request,
            clinician=clinician,
            values={
                "diagnosis_confirmed": "Hepatocellular carcinoma, confirmed on biopsy.",
                "stage_confirmed": "3",
                "treatments_so_far": "Resection 2024; two cycles of chemotherapy.",
                "ecog": 1,
                "missing": "A CT scan from the last three months.",
                "conclusion": "worth_considering",
                "reasoning": "Good performance status and stable disease.",
            },
            centres=centres,
        )
    outbox_mark_sent_unsent(
        inquiries=Inquiry.objects.filter(
            submission_key__in=[key for key, *__ in INQUIRIES]
        )
    )
