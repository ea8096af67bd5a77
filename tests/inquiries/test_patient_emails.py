"""E-mails to the patient in the language they chose where a catalogue has it;
otherwise in English, with a first line that says so."""

import pytest
from django.conf import settings as django_settings

from cancerfax.catalogues import compile_mo, parse_po
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
    ("language", "subject", "greeting", "reference"),
    [
        ("ar", "وصلنا استفسارك ({})", "مرحبًا،", "رقمك المرجعي: {}"),
        ("zh", "我们已收到您的咨询（{}）", "您好：", "您的参考编号：{}"),
    ],
)
def test_the_site_languages_write_the_acknowledgement_in_their_own_words(
    make_inquiry, language, subject, greeting, reference
):
    inquiry, email = acknowledgement(make_inquiry, language)
    assert email.subject == subject.format(inquiry.reference)
    assert email.body.startswith(greeting)
    assert reference.format(inquiry.reference) in email.body
    assert "/my-inquiry/" in email.body
    assert "Hello" not in email.body


@pytest.mark.parametrize(("language", "named"), [("fr", "French"), ("ru", "Russian")])
def test_without_a_catalogue_it_is_english_and_says_so_first(
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


def test_the_new_message_notice_is_in_spanish_too(make_inquiry, coordinator):
    inquiry = make_inquiry(data={"preferred_language": "es"})
    message = message_send(inquiry=inquiry, author=coordinator, body="Hola.")
    assert message.notice.body.startswith("Hola:")
    assert message.notice.subject == (
        f"Un mensaje nuevo sobre su consulta {inquiry.reference}"
    )


def test_a_language_counts_as_translated_once_configured_with_a_catalogue(
    make_inquiry, settings, tmp_path
):
    """Configuration plus a catalogue, no code: French e-mails from a French .po."""
    settings.PATIENT_EMAIL_LANGUAGES = [
        *django_settings.PATIENT_EMAIL_LANGUAGES,
        ("fr", "French"),
    ]
    assert patient_email("fr").language == "en-gb"  # configured, no catalogue yet
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Hello,"\nmsgstr "Bonjour,"\n\n'
        'msgid "We received your inquiry (%(reference)s)"\n'
        'msgstr "Nous avons reçu votre demande (%(reference)s)"\n'
    )
    (folder / "django.mo").write_bytes(compile_mo(parse_po(po)))
    settings.LOCALE_PATHS = [tmp_path, *django_settings.LOCALE_PATHS]
    assert patient_email("fr").language == "fr"
    inquiry, email = acknowledgement(make_inquiry, "fr")
    assert email.subject == f"Nous avons reçu votre demande ({inquiry.reference})"
    assert email.body.startswith("Bonjour,")
