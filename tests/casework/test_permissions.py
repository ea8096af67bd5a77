"""Every casework URL for every role, and the patient link in every state.

Refused requests carry valid data, so a missing check would show as a change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.assessments import assessment_request_create
from casework.models import (
    Assessment,
    Message,
    MessageTemplate,
    PatientLink,
    TreatmentCentre,
)
from casework.patient_links import patient_link_issue

from ..inquiries.samples import upload

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "staff_without_role",
    "medical_editor",
    "medical_reviewer",
    "coordinator",
    "clinician",
    "other_clinician",
    "superuser",
]
OK, DONE, LOGIN, NO = 200, 302, "login", 403
# url name: (method, {role: expected}); roles not listed get 403 (or login).
MATRIX = {
    "workspace": ("get", {"coordinator": OK, "superuser": OK}),
    "panel save": ("post", {"coordinator": DONE, "superuser": DONE}),
    "request assessment": ("post", {"coordinator": DONE, "superuser": DONE}),
    "revoke links": ("post", {"coordinator": DONE, "superuser": DONE}),
    "dashboard": ("get", {"coordinator": OK, "superuser": OK}),
    "centres": (
        "get",
        {"coordinator": OK, "superuser": OK, "clinician": OK, "other_clinician": OK},
    ),
    "templates": ("get", {"coordinator": OK, "superuser": OK}),
    "requests": (
        "get",
        {"coordinator": OK, "superuser": OK, "clinician": OK, "other_clinician": OK},
    ),
    # Coordinators are sent on to the workspace; only the clinician asked reads it.
    "request page": ("get", {"coordinator": DONE, "superuser": DONE, "clinician": OK}),
    # Only the clinician asked records an assessment; a coordinator is sent on
    # to the workspace, and the other clinician is refused.
    "request page post": (
        "post",
        {"clinician": DONE, "coordinator": DONE, "superuser": DONE},
    ),
    "clinician file": ("get", {"clinician": OK}),
    "centre add": ("get", {"coordinator": OK, "superuser": OK}),
    "centre add post": ("post", {"coordinator": DONE, "superuser": DONE}),
    # Clinicians may read a centre (assessments name them), not change it.
    "centre change": (
        "get",
        {"coordinator": OK, "superuser": OK, "clinician": OK, "other_clinician": OK},
    ),
    "centre change post": ("post", {"coordinator": DONE, "superuser": DONE}),
    "template add": ("get", {"coordinator": OK, "superuser": OK}),
    "template add post": ("post", {"coordinator": DONE, "superuser": DONE}),
    "template change": ("get", {"coordinator": OK, "superuser": OK}),
    "template change post": ("post", {"coordinator": DONE, "superuser": DONE}),
}
# Who changes centres, templates or assessments through each URL; for everyone
# else the same valid data must change nothing.
WRITERS = {
    "request page post": {"clinician"},
    "centre add post": {"coordinator", "superuser"},
    "centre change post": {"coordinator", "superuser"},
    "template add post": {"coordinator", "superuser"},
    "template change post": {"coordinator", "superuser"},
}
ASSESSMENT = {
    "diagnosis_confirmed": "HCC on biopsy",
    "stage_confirmed": "3",
    "treatments_so_far": "Resection",
    "ecog": "1",
    "missing": "",
    "conclusion": "worth_considering",
    "reasoning": "Fit, stable disease",
}
CENTRE = {"city": "Pune", "country": "IN", "therapies": "CIK", "is_active": "on"}


@pytest.fixture
def setup(inquiry, coordinator, clinician, centres, templates):
    sent = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )
    patient_link_issue(inquiry=inquiry, actor=coordinator)
    return inquiry, sent


def snapshot():
    """What a refused request must leave as it was."""
    return (
        list(TreatmentCentre.objects.order_by("pk").values_list("name", "city")),
        list(MessageTemplate.objects.order_by("pk").values_list("language", "body")),
        Assessment.objects.count(),
    )


def target(name, inquiry, sent, clinician):
    base = f"/admin/inquiries/inquiry/{inquiry.pk}/"
    requests = "/admin/casework/assessmentrequest/"
    centre = TreatmentCentre.objects.order_by("pk").first()
    template = MessageTemplate.objects.order_by("pk").first()
    centres = "/admin/casework/treatmentcentre/"
    templates = "/admin/casework/messagetemplate/"
    return {
        "workspace": (base + "change/", None),
        "panel save": (
            base + "change/",
            {"action": "save", "priority": "3", "assignee": "nobody"},
        ),
        # Every button of the case page submits its one form.
        "request assessment": (
            base + "change/",
            {
                "action": "ask",
                "priority": "3",
                "assignee": "nobody",
                "clinician": clinician.pk,
            },
        ),
        "revoke links": (
            base + "change/",
            {"action": "revoke", "priority": "3", "assignee": "nobody"},
        ),
        "dashboard": ("/admin/inquiries/inquiry/dashboard/", None),
        "centres": ("/admin/casework/treatmentcentre/", None),
        "templates": ("/admin/casework/messagetemplate/", None),
        "requests": (requests, None),
        "request page": (f"{requests}{sent.pk}/change/", None),
        # Valid data: only the clinician asked may record it.
        "request page post": (
            f"{requests}{sent.pk}/change/",
            {**ASSESSMENT, "suggested_centres": [centre.pk]},
        ),
        "centre add": (f"{centres}add/", None),
        "centre add post": (f"{centres}add/", {**CENTRE, "name": "Lotus Clinic"}),
        "centre change": (f"{centres}{centre.pk}/change/", None),
        "centre change post": (
            f"{centres}{centre.pk}/change/",
            {**CENTRE, "name": "Renamed Centre"},
        ),
        "template add": (f"{templates}add/", None),
        "template add post": (
            f"{templates}add/",
            {"purpose": "referred", "language": "fr", "body": "Adressé à {centres}"},
        ),
        "template change": (f"{templates}{template.pk}/change/", None),
        "template change post": (
            f"{templates}{template.pk}/change/",
            {"purpose": template.purpose, "language": "en", "body": "Changed"},
        ),
        "clinician file": (
            f"{requests}{sent.pk}/files/{inquiry.files.first().pk}/",
            None,
        ),
    }[name]


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_should(
    client, request, setup, clinician, role, name
):
    inquiry, sent = setup
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    method, allowed = MATRIX[name]
    url, data = target(name, inquiry, sent, clinician)
    before = snapshot()
    response = client.post(url, data) if method == "post" else client.get(url)
    assert (snapshot() != before) == (role in WRITERS.get(name, ()))
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        return
    assert response.status_code == allowed.get(role, NO), response.content[:300]
    if response.status_code == NO:
        assert inquiry.reference.encode() not in response.content


@pytest.mark.parametrize(
    "state, expected",
    [("valid", 200), ("expired", 410), ("revoked", 410), ("garbage", 404)],
)
@pytest.mark.parametrize("method", ["get", "post", "upload"])
def test_the_patient_link_in_each_state(
    client, inquiry, coordinator, state, expected, method, pdf_bytes, private_root
):
    link, token = patient_link_issue(inquiry=inquiry, actor=coordinator)
    if state == "expired":
        PatientLink.objects.filter(pk=link.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    elif state == "revoked":
        PatientLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    elif state == "garbage":
        token = token[:-4] + "AAAA"
    url = f"/my-inquiry/{token}/"
    files = inquiry.files.count()
    if method == "get":
        response = client.get(url)
    elif method == "post":
        response = client.post(url, {"action": "reply", "body": "Hi"})
    else:
        response = client.post(
            url, {"action": "upload", "files": [upload("scan.pdf", pdf_bytes)]}
        )
    if method != "get" and expected == 200:
        expected = 302
    assert response.status_code == expected
    if expected not in (200, 302):
        assert inquiry.reference.encode() not in response.content
    works = state == "valid"
    assert Message.objects.filter(direction="from_patient").exists() == (
        works and method == "post"
    )
    assert inquiry.files.count() == files + (1 if works and method == "upload" else 0)


def test_another_inquirys_token_never_opens_this_one(client, make_inquiry, coordinator):
    mine = make_inquiry()
    other = make_inquiry()
    __, token = patient_link_issue(inquiry=other, actor=coordinator)
    response = client.get(f"/my-inquiry/{token}/")
    assert other.reference.encode() in response.content
    assert mine.reference.encode() not in response.content
