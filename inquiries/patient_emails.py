"""E-mails to the patient in the language they chose, where a catalogue has it.

The e-mail templates are written once, in English, with ``{% translate %}``;
they are rendered with the patient's language active (``translation.override``),
so the words, the subject and the dates follow it. A language "has" the e-mails
when it is one of the site's languages (``settings.LANGUAGES``: ``zh`` chosen on
the form is the site's ``zh-hans``) or one of ``settings.PATIENT_EMAIL_LANGUAGES``
(e-mails only), each with its catalogue under ``locale/``. Otherwise the e-mail
goes in English and its first line says so. Only the e-mails to the patient are
translated; the coordinators' and clinicians' stay in the site's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from cancerfax.catalogues import has_catalogue
from cancerfax.languages import site_language

from .models import Inquiry

ENGLISH = Inquiry.Language.ENGLISH


@dataclass(frozen=True)
class PatientEmail:
    language: str  # the language (code with a catalogue) the e-mail is written in
    untranslated_note: str  # empty, or the line saying it is in English


def email_language(language: str) -> str | None:
    """The catalogue language for an inquiry's preferred ``language``, if any."""
    if language in ("", ENGLISH, Inquiry.Language.OTHER):
        return None
    codes = [site_language(language)] + [
        code
        for code, _name in settings.PATIENT_EMAIL_LANGUAGES
        if code.split("-")[0] == language
    ]
    for code in codes:
        # Configured and compiled: without its catalogue the e-mail would come
        # out in English without the line that says so.
        if code and code != settings.LANGUAGE_CODE and has_catalogue(code):
            return code
    return None


def _untranslated_note(language: str) -> str:
    if language in ("", ENGLISH):
        return ""
    if language not in Inquiry.Language.values or language == Inquiry.Language.OTHER:
        return _(
            "We do not yet have this e-mail in your language, so it is in English."
        )
    # The caller makes English active: the language is named in English.
    return _("We do not yet have this e-mail in %(language)s, so it is in English.") % {
        "language": Inquiry.Language(language).label
    }


def patient_email(language: str) -> PatientEmail:
    """Which language a patient who chose ``language`` gets their e-mails in."""
    translated = email_language(language)
    if translated is not None:
        return PatientEmail(language=translated, untranslated_note="")
    with translation.override(settings.LANGUAGE_CODE):
        note = _untranslated_note(language)
    return PatientEmail(language=settings.LANGUAGE_CODE, untranslated_note=note)


def _subject(message, params):
    return _(message) % params


# A subject translated when it is read: inside the patient's language.
patient_subject = lazy(_subject, str)


def patient_email_render(
    *, template: str, language: str, subject, context: dict
) -> tuple[str, str]:
    """(subject, body) of a patient e-mail in their language, or in English with
    a line saying so. ``subject`` is read in that language: pass
    ``patient_subject(message, params)`` (or a lazy string)."""
    chosen = patient_email(language)
    context = {**context, "untranslated_note": chosen.untranslated_note}
    with translation.override(chosen.language):
        body = render_to_string(template, context)
        subject = str(subject)
    return subject, body


def site_context(inquiry: Inquiry) -> dict:
    """What every e-mail about an inquiry may name."""
    return {
        "reference": inquiry.reference,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
