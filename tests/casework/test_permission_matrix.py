"""Every casework URL for every role: who reaches what, and who changes what.

Refused requests carry valid data, so a missing check would show as a change.
The case, its records and a member of staff of each role are built once for the
module; each request runs in a savepoint rolled back after it (``module_db``).
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from casework.assessments import assessment_request_create
from casework.models import (
    Assessment,
    AssessmentRequest,
    MessageTemplate,
    TreatmentCentre,
)
from casework.patient_links import patient_link_issue
from guides.models import CancerIndication
from inquiries.consent import CURRENT_CONSENT_VERSION
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import Inquiry
from inquiries.services import inquiry_submit
from tests.conftest import EVERY_ROLE, staff

from ..inquiries.conftest import submission_values
from ..inquiries.samples import image_bytes, upload
from .conftest import centre_rows, template_rows

pytestmark = pytest.mark.django_db

ROLES = EVERY_ROLE
OK, DONE, NO = 200, 302, 403
# Centres, the requests list and a centre's page: clinicians read them too.
READERS = {"coordinator": OK, "superuser": OK, "clinician": OK, "other_clinician": OK}
# url name: (method, {role: expected}); roles not listed get 403, and anyone
# not signed in is sent to the sign-in page.
MATRIX = {
    "workspace": ("get", {"coordinator": OK, "superuser": OK}),
    "panel save": ("post", {"coordinator": DONE, "superuser": DONE}),
    "request assessment": ("post", {"coordinator": DONE, "superuser": DONE}),
    "revoke links": ("post", {"coordinator": DONE, "superuser": DONE}),
    "dashboard": ("get", {"coordinator": OK, "superuser": OK}),
    "centres": ("get", READERS),
    "templates": ("get", {"coordinator": OK, "superuser": OK}),
    "requests": ("get", READERS),
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
    "centre change": ("get", READERS),
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


@pytest.fixture(scope="module")
def private_root(tmp_path_factory):
    """The records of the module's case, kept for all its tests (every other
    test of casework stores its records in a folder of its own)."""
    root = tmp_path_factory.mktemp("private")
    with override_settings(INQUIRY_PRIVATE_ROOT=root):
        yield root


@pytest.fixture(scope="module")
def case(module_db, module_indication, private_root, django_db_blocker):
    """An inquiry with a PDF and a picture, sent to a clinician for an assessment
    and given a secure link; centres, templates and a member of staff per role."""
    assert module_db
    with django_db_blocker.unblock():
        users = {
            role: staff(get_user_model(), role).pk
            for role in ROLES
            if role != "anonymous"
        }
        centre_rows()
        template_rows()
        records = [
            upload("report.pdf", image_bytes("PDF")),
            upload("scan.png", image_bytes("PNG")),
        ]
        inquiry = inquiry_submit(
            submission_key="permission-matrix",
            data=submission_values(CancerIndication.objects.get(pk=module_indication)),
            consent_version=CURRENT_CONSENT_VERSION,
            checked_uploads=[
                CheckedUpload(file=f, info=inspect_upload(f)) for f in records
            ],
        )
        coordinator, clinician = (
            get_user_model().objects.get(pk=users[role])
            for role in ("coordinator", "clinician")
        )
        sent = assessment_request_create(
            inquiry=inquiry, clinician=clinician, actor=coordinator
        )
        patient_link_issue(inquiry=inquiry, actor=coordinator)
    return {"users": users, "inquiry": inquiry.pk, "sent": sent.pk}


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_should(client, case, role, name):
    users = get_user_model().objects.in_bulk(case["users"].values())
    inquiry = Inquiry.objects.get(pk=case["inquiry"])
    sent = AssessmentRequest.objects.get(pk=case["sent"])
    if role != "anonymous":
        client.force_login(users[case["users"][role]])
    method, allowed = MATRIX[name]
    url, data = target(name, inquiry, sent, users[case["users"]["clinician"]])
    before = snapshot()
    response = client.post(url, data) if method == "post" else client.get(url)
    assert (snapshot() != before) == (role in WRITERS.get(name, ()))
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        return
    assert response.status_code == allowed.get(role, NO), response.content[:300]
    if response.status_code == NO:
        assert inquiry.reference.encode() not in response.content
