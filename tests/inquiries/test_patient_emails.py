"""E-mails to the patient in the language they chose where a translation exists;
otherwise in English, with a first line that says so."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from casework.messaging import message_send
from inquiries.models import OutboxEmail
from inquiries.patient_emails import patient_email

pytestmark = pytest.mark.django_db

NOT_YET = "We do not yet have this e-mail in {}, so it is in English."


def acknowledgement(make_inquiry, language):
    inquiry = make_inquiry(data={"preferred_language": language})
    email = OutboxEmail.objects.get(
        inquiry=inquiry, kind=OutboxEmail.Kind.ACKNOWLEDGEMENT
    )
    return inquiry, email


def test_a_spanish_speaker_gets_the_acknowledgement_in_spanish(make_inquiry):
    inquiry, email = acknowledgement(make_inquiry, "es")
    assert email.subject == f"Hemos recibido su consulta ({inquiry.reference})"
    assert email.body.startswith("Hola:")
    assert f"Su referencia: {inquiry.reference}" in email.body
    assert "/my-inquiry/" in email.body  # the secure link, at once
    assert "We do not yet have" not in email.body


@pytest.mark.parametrize(
    ("language", "named"), [("ar", "Arabic"), ("zh", "Chinese"), ("fr", "French")]
)
def test_without_a_translation_it_is_english_and_says_so_first(
    make_inquiry, language, named
):
    inquiry, email = acknowledgement(make_inquiry, language)
    assert email.subject == f"We received your inquiry ({inquiry.reference})"
    assert email.body.startswith(NOT_YET.format(named) + "\n\nHello,")
    assert "/my-inquiry/" in email.body


def test_english_needs_no_such_line_and_another_language_is_your_language(
    make_inquiry,
):
    __, english = acknowledgement(make_inquiry, "en")
    assert english.body.startswith("Hello,")
    __, other = acknowledgement(make_inquiry, "other")
    assert other.body.startswith(NOT_YET.format("your language"))


def test_the_new_message_notice_has_no_spanish_yet_and_says_so(
    make_inquiry, coordinator
):
    inquiry = make_inquiry(data={"preferred_language": "es"})
    message = message_send(inquiry=inquiry, author=coordinator, body="Hola.")
    assert message.notice.body.startswith(NOT_YET.format("Spanish"))
    assert message.notice.subject.startswith("A new message about your inquiry")


def test_a_language_counts_as_translated_once_its_template_exists(
    make_inquiry, settings, tmp_path
):
    """The check is real: dropping in the Arabic files is all it takes."""
    folder = tmp_path / "inquiries" / "email" / "ar"
    folder.mkdir(parents=True)
    (folder / "acknowledgement.txt").write_text("مرحبا {{ reference }}", "utf-8")
    (folder / "acknowledgement_subject.txt").write_text(
        "استلمنا {{ reference }}\n", "utf-8"
    )
    templates = [dict(django_settings.TEMPLATES[0])]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    assert patient_email("inquiries/email/acknowledgement.txt", "ar").language == "ar"
    inquiry, email = acknowledgement(make_inquiry, "ar")
    assert email.subject == f"استلمنا {inquiry.reference}"
    assert email.body == f"مرحبا {inquiry.reference}"


def test_every_translated_email_has_its_subject():
    root = Path(django_settings.BASE_DIR) / "templates"
    translated = [
        path
        for path in root.glob("*/email/*/*.txt")
        if not path.stem.endswith("_subject")
    ]
    assert translated, "the Spanish acknowledgement is the demo translation"
    for path in translated:
        assert path.with_name(f"{path.stem}_subject.txt").exists(), path
