"""The inquiry in the reader's language: the form and its errors, the consent
texts (stored with their language and version), the acknowledgement, the secure
page; the coordinator sees the language and the words as read."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from casework.patient_links import patient_link_issue
from inquiries.consent import (
    CONSENT_TEXTS,
    CURRENT_CONSENT_VERSION,
    consent_digest,
    consent_text,
    frozen_digests,
    published_texts,
)
from inquiries.models import Inquiry, OutboxEmail
from inquiries.views import new_form_token

pytestmark = pytest.mark.django_db

SELECTED = re.compile(r'<option value="(\w+)" selected>')


def post(client, prefix, data):
    token = new_form_token()[1]
    return client.post(f"{prefix}/inquire/", {**data, "form_token": token})


@pytest.mark.parametrize(
    ("prefix", "choice", "consent_words"),
    [
        ("", "en", "I agree that CancerFax may store and use"),
        ("/ar", "ar", "أوافق على أن تحفظ CancerFax"),
        ("/zh-hans", "zh", "我同意 CancerFax 保存和使用"),
    ],
)
def test_the_form_speaks_the_page_language_and_offers_it_first(
    client, indication, prefix, choice, consent_words
):
    html = client.get(f"{prefix}/inquire/").content.decode()
    assert choice in SELECTED.findall(html)  # preferred language: the page's
    assert consent_words in html


def test_an_arabic_inquiry_keeps_its_language_and_consent_version(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "/ar", {**form_data, "preferred_language": "ar"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/inquire/thanks/"
    inquiry = Inquiry.objects.get()
    assert (inquiry.consent_version, inquiry.consent_language) == (
        CURRENT_CONSENT_VERSION,
        "ar",
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "شكرًا لك: وصلنا استفسارك" in thanks
    assert inquiry.reference in thanks
    email = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ACKNOWLEDGEMENT)
    assert email.subject == f"وصلنا استفسارك ({inquiry.reference})"
    # The coordinator reads the consent as the patient read it, and in English.
    [shown] = inquiry.consents_as_shown()
    assert shown["language"] == "ar"
    assert shown["text"] == consent_text(CURRENT_CONSENT_VERSION, "ar")
    assert shown["english"].startswith("I agree that CancerFax may store and use")


def test_form_errors_are_in_the_page_language(client, form_data):
    response = post(client, "/zh-hans", {**form_data, "email": "", "consent": ""})
    html = response.content.decode()
    assert "请填写您的电子邮箱。" in html
    assert "只有得到您的同意，我们才能查看您的病例" in html
    assert "Enter your e-mail address." not in html


def test_every_published_consent_text_is_pinned_in_every_language():
    """A catalogue that changes a published consent's words fails here: the
    changed words are a new version, never an edit of the agreed one."""
    pinned = frozen_digests()
    for (kind, version, language), text in published_texts().items():
        assert text, (kind, version, language)
        assert pinned[kind][version][language] == consent_digest(text), (
            kind,
            version,
            language,
        )
    languages = {language for __, __, language in published_texts()}
    assert languages == {code for code, __ in settings.LANGUAGES}


def test_the_pin_catches_a_changed_translation(settings, tmp_path):
    digests = json.loads(
        (Path(settings.LOCALE_PATHS[0]) / "consent_digests.json").read_text()
    )
    digests["consent"][CURRENT_CONSENT_VERSION]["ar"] = consent_digest("other words")
    (tmp_path / "consent_digests.json").write_text(json.dumps(digests))
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    text = published_texts()[("consent", CURRENT_CONSENT_VERSION, "ar")]
    assert frozen_digests()["consent"][CURRENT_CONSENT_VERSION]["ar"] != (
        consent_digest(text)
    )
    assert str(CONSENT_TEXTS[CURRENT_CONSENT_VERSION]) == consent_text(
        CURRENT_CONSENT_VERSION
    )


def test_the_secure_page_speaks_the_patients_language(
    client, make_inquiry, coordinator
):
    inquiry = make_inquiry(data={"preferred_language": "zh"})
    __, token = patient_link_issue(inquiry=inquiry, actor=coordinator)
    response = client.get(f"/my-inquiry/{token}/")
    html = response.content.decode()
    assert response["Content-Language"] == "zh-hans"
    assert '<html lang="zh-Hans" dir="ltr">' in html
    assert "您的咨询" in html and "中国和印度" in html
    response = client.post(
        f"/my-inquiry/{token}/",
        {"action": "transfer_consent", "transfer_consent": "on"},
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.transfer_consent_language == "zh-hans"
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_a_language_the_site_lacks_gets_the_secure_page_in_english(
    client, make_inquiry, coordinator
):
    inquiry = make_inquiry(data={"preferred_language": "ru"})
    __, token = patient_link_issue(inquiry=inquiry, actor=coordinator)
    response = client.get(f"/my-inquiry/{token}/")
    assert response["Content-Language"] == "en-gb"
    assert '<html lang="en-GB" dir="ltr">' in response.content.decode()


def test_the_case_panel_shows_the_consent_as_read_and_in_english(
    client, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, "/ar", {**form_data, "preferred_language": "ar"})
    inquiry = Inquiry.objects.get()
    html = render_to_string(
        "admin/casework/includes/case.html",
        {"inquiry": inquiry, "show_contacts": True},
    )
    assert "form read in Arabic" in html
    assert 'lang="ar"' in html
    assert consent_text(CURRENT_CONSENT_VERSION, "ar") in html
    assert "In English: I agree that CancerFax may store and use" in html
