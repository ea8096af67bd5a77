"""Two consents, given apart: storing and using the records to answer (needed to
send the form), and sending them to partner hospitals abroad (optional). The
privacy notice names the controller, each recipient country and the safeguard."""

import re

import pytest

from inquiries.consent import (
    CONSENT_TEXTS,
    CURRENT_CONSENT_VERSION,
    consent_text,
    transfer_consent,
    transfer_country_names,
)
from inquiries.models import HeldSubmission, Inquiry
from inquiries.quarantine import held_submission_release
from trust.demo_content import PAGES

from .test_submit import post

CHECKBOX = re.compile(r'<input type="checkbox" name="(\w+)"[^>]*>')


def boxes(html):
    return {match[1]: match[0] for match in CHECKBOX.finditer(html)}


def test_the_consent_to_answer_no_longer_covers_sending_abroad():
    current = str(consent_text(CURRENT_CONSENT_VERSION))
    assert "hospital" not in current and "store and use" in current
    # What earlier inquiries agreed to stays readable.
    assert "partner hospitals" in str(CONSENT_TEXTS["2026-11"])
    transfer = transfer_consent()
    assert transfer.countries == ("CN", "IN")
    assert "in China and India" in str(transfer.text)
    assert "standard contractual clauses" in str(transfer.text)


@pytest.mark.django_db
def test_the_form_asks_twice_and_the_second_is_optional(client, guide):
    html = client.get("/inquire/").content.decode()
    found = boxes(html)
    assert "required" in found["consent"]
    assert "required" not in found["transfer_consent"]
    assert "checked" not in found["transfer_consent"]
    assert "partner hospitals in China and India" in html


@pytest.mark.django_db
def test_a_missing_first_consent_keeps_the_second_and_the_text(client, form_data):
    response = post(
        client,
        {**form_data, "consent": "", "transfer_consent": "on", "questions": "Kept?"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "We can only look at your case with your consent" in html
    assert "checked" in boxes(html)["transfer_consent"]
    assert "Kept?</textarea>" in html
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_the_first_consent_alone_stores_no_consent_to_send_abroad(client, form_data):
    post(client, form_data)
    inquiry = Inquiry.objects.get()
    assert inquiry.consent_version == CURRENT_CONSENT_VERSION
    assert inquiry.consent_given_at is not None
    assert inquiry.transfer_consent_version == ""
    assert inquiry.transfer_consent_given_at is None
    assert not inquiry.has_transfer_consent


@pytest.mark.django_db
def test_both_consents_are_stored_with_their_versions_and_time(client, form_data):
    post(client, {**form_data, "transfer_consent": "on"})
    inquiry = Inquiry.objects.get()
    assert inquiry.transfer_consent_version == "2026-12"
    assert inquiry.transfer_consent_given_at == inquiry.consent_given_at
    assert inquiry.has_transfer_consent
    assert inquiry.transfer_countries == ["China", "India"]


@pytest.mark.django_db
def test_a_held_submission_keeps_the_second_consent_when_released(
    client, form_data, coordinator
):
    post(client, {**form_data, "transfer_consent": "on", "website": "bot"})
    held = HeldSubmission.objects.get()
    assert held.transfer_consent_version == "2026-12"
    inquiry = held_submission_release(held=held, actor=coordinator)
    assert inquiry.has_transfer_consent


def test_the_privacy_notice_names_the_controller_countries_and_safeguard(settings):
    notice = next(page for page in PAGES if page["kind"] == "privacy")
    body = notice["body"]
    assert f"{settings.SITE_NAME} is the controller" in body
    for country in transfer_country_names():
        assert f"<li>{country}</li>" in body
    assert "standard contractual clauses" in body
    assert "two separate tick boxes" in body
