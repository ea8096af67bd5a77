"""Fixtures for casework: inquiries with files, a clinician, centres, templates."""

import pytest

from casework.messaging import message_send
from casework.models import MessageTemplate, TreatmentCentre
from casework.patient_links import patient_link_issue
from tests.browser.conftest import admin_login, axe_violations  # noqa: F401
from tests.conftest import staff
from tests.inquiries.conftest import (  # noqa: F401
    checked,
    indication,
    jpeg_bytes,
    make_inquiry,
    module_indication,
    pdf_bytes,
    png_bytes,
    private_root,
    submission_data,
)


@pytest.fixture
def clinician(django_user_model):
    return staff(django_user_model, "clinician")


@pytest.fixture
def other_clinician(django_user_model):
    return staff(django_user_model, "other_clinician")


@pytest.fixture
def inquiry(make_inquiry, checked):  # noqa: F811 - fixtures imported above
    return make_inquiry(checked_uploads=checked)


@pytest.fixture
def centres(db):
    return centre_rows()


def centre_rows():
    return [
        TreatmentCentre.objects.create(
            name="Harbour Cell Centre", city="Guangzhou", country="CN", therapies="CIK"
        ),
        TreatmentCentre.objects.create(
            name="River Institute", city="Chennai", country="IN", therapies="CIK"
        ),
    ]


@pytest.fixture
def templates(db):
    return template_rows()


def template_rows():
    """A template for each purpose in English, and one in French."""
    bodies = {
        "acknowledgement": "Hello, about {reference}. Regards, {coordinator}",
        "records_requested": "Please send: {missing}",
        "not_suitable": "Sorry: {reasoning}",
        "worth_considering": "Maybe: {reasoning}\nCentres:\n{centres}",
        "referred": "Referred to:\n{centres}",
    }
    rows = [
        MessageTemplate.objects.create(purpose=purpose, language="en", body=body)
        for purpose, body in bodies.items()
    ]
    rows.append(
        MessageTemplate.objects.create(
            purpose="acknowledgement",
            language="fr",
            body="Bonjour, dossier {reference}.",
        )
    )
    return rows


@pytest.fixture
def link_token(inquiry, coordinator):
    """A working secure link for ``inquiry``."""
    return patient_link_issue(inquiry=inquiry, actor=coordinator)[1]


@pytest.fixture
def sent_message(inquiry, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return message_send(inquiry=inquiry, author=coordinator, body="Dear patient.")
