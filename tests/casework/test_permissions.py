"""Every casework URL for every role, and the patient link in every state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.assessments import assessment_request_create
from casework.models import Assessment, PatientLink
from casework.patient_links import patient_link_issue

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
    # The clinician's invalid form comes back (400); a coordinator is sent on.
    "request page post": (
        "post",
        {"clinician": 400, "coordinator": DONE, "superuser": DONE},
    ),
    "clinician file": ("get", {"clinician": OK}),
}


@pytest.fixture
def setup(inquiry, coordinator, clinician):
    sent = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )
    patient_link_issue(inquiry=inquiry, actor=coordinator)
    return inquiry, sent


def target(name, inquiry, sent, clinician):
    base = f"/admin/inquiries/inquiry/{inquiry.pk}/"
    requests = "/admin/casework/assessmentrequest/"
    return {
        "workspace": (base + "change/", None),
        "panel save": (
            base + "change/",
            {"action": "save", "priority": "3", "assignee": "nobody"},
        ),
        "request assessment": (
            base + "request-assessment/",
            {"clinician": clinician.pk},
        ),
        "revoke links": (base + "revoke-links/", {}),
        "dashboard": ("/admin/inquiries/inquiry/dashboard/", None),
        "centres": ("/admin/casework/treatmentcentre/", None),
        "templates": ("/admin/casework/messagetemplate/", None),
        "requests": (requests, None),
        "request page": (f"{requests}{sent.pk}/change/", None),
        "request page post": (f"{requests}{sent.pk}/change/", {"ecog": "9"}),
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
    response = client.post(url, data) if method == "post" else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        return
    assert response.status_code == allowed.get(role, NO), response.content[:300]
    if response.status_code == NO:
        assert inquiry.reference.encode() not in response.content
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    "state, expected",
    [("valid", 200), ("expired", 410), ("revoked", 410), ("garbage", 404)],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_patient_link_in_each_state(
    client, inquiry, coordinator, state, expected, method
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
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, {"action": "reply", "body": "Hi"})
        expected = 302 if expected == 200 else expected
    assert response.status_code == expected
    if expected != 200:
        assert inquiry.reference.encode() not in response.content


def test_another_inquirys_token_never_opens_this_one(client, make_inquiry, coordinator):
    mine = make_inquiry()
    other = make_inquiry()
    __, token = patient_link_issue(inquiry=other, actor=coordinator)
    response = client.get(f"/my-inquiry/{token}/")
    assert other.reference.encode() in response.content
    assert mine.reference.encode() not in response.content
