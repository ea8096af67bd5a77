"""Each consent points at the privacy notice shown; contact details in e-mails."""

import pytest

from inquiries.models import Inquiry, OutboxEmail
from reviews.models import ContentVersion
from tests.content_factories import ContactPageFactory, TrustPageFactory
from tests.factories import approve
from trust.models import TrustPage

from .test_submit import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice():
    page = TrustPageFactory(
        kind=TrustPage.Kind.PRIVACY, slug="privacy", body="<p>Notice one.</p>"
    )
    approve(page)
    return page


def approved_version(page):
    return ContentVersion.objects.of(page).approved().get()


def shown_version(client):
    html = client.get("/inquire/").content.decode()
    marker = 'name="privacy_notice" value="'
    return int(html[html.index(marker) + len(marker) :].split('"')[0])


def test_the_form_links_the_notice_and_names_its_version(client, notice):
    html = client.get("/inquire/").content.decode()
    version = approved_version(notice)
    assert f'href="{notice.get_absolute_url()}"' in html
    assert f"(version {version.number})" in html


def test_the_consent_points_at_the_notice_the_form_showed(client, form_data, notice):
    first = approved_version(notice)
    shown = shown_version(client)
    # A new notice is approved while the patient fills in the form.
    notice.body = "<p>Notice two.</p>"
    notice.save()
    approve(notice)
    second = approved_version(notice)
    assert second != first

    post(client, {**form_data, "privacy_notice": shown})
    assert Inquiry.objects.get().privacy_notice == first
    assert Inquiry.objects.get().privacy_notice.content.body == "<p>Notice one.</p>"


def test_a_forged_notice_version_falls_back_to_the_current_notice(
    client, form_data, notice
):
    other = TrustPageFactory(kind=TrustPage.Kind.ABOUT)
    approve(other)
    post(client, {**form_data, "privacy_notice": approved_version(other).pk})
    assert Inquiry.objects.get().privacy_notice == approved_version(notice)


def test_without_a_published_notice_the_consent_points_at_none(client, form_data):
    post(client, form_data)
    assert Inquiry.objects.get().privacy_notice is None


def test_the_privacy_page_says_which_version_is_in_effect(client, notice):
    version = approved_version(notice)
    html = client.get(notice.get_absolute_url()).content.decode()
    assert f"Version {version.number}, in effect since" in html


def test_the_acknowledgement_gives_the_approved_contact_details(make_inquiry):
    approve(ContactPageFactory())
    inquiry = make_inquiry()
    body = OutboxEmail.objects.get(
        inquiry=inquiry, kind=OutboxEmail.Kind.ACKNOWLEDGEMENT
    ).body
    assert "If you call or write to us, please quote your reference." in body
    assert "Phone: +44 20 7946 0123 (Monday to Friday, 9:00 to 17:00)" in body
    assert "E-mail: help@example.org" in body


def test_without_an_approved_contact_page_the_acknowledgement_does_not_say_call(
    make_inquiry,
):
    """No approved phone number: the e-mail asks the patient to write, not call."""
    ContactPageFactory()  # not approved
    inquiry = make_inquiry()
    body = OutboxEmail.objects.get(
        inquiry=inquiry, kind=OutboxEmail.Kind.ACKNOWLEDGEMENT
    ).body
    assert "If you write to us, please quote your reference." in body
    assert "call" not in body.lower()
    assert "Phone:" not in body


def test_the_error_summary_names_the_consent_briefly(client, form_data):
    response = post(client, {**form_data, "consent": ""})
    html = response.content.decode()
    start = html.index('id="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert "Consent: We can only look at your case with your consent" in summary
    assert "partner hospitals" not in summary
