"""E-mails to the patient in the language they chose, where a translation exists.

A translation of ``<folder>/<name>.txt`` is ``<folder>/<language>/<name>.txt``
with its subject in ``<folder>/<language>/<name>_subject.txt``; both are
rendered with that language active (``translation.override``), so dates and any
``{% translate %}`` inside follow it. Without one the e-mail goes in English and
its first line says so. Only the e-mails to the patient are translated; the
coordinators' and clinicians' stay in the site's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Inquiry

ENGLISH = Inquiry.Language.ENGLISH


@dataclass(frozen=True)
class PatientEmail:
    language: str  # the language the e-mail is written in
    template: str
    subject_template: str | None
    untranslated_note: str  # empty, or the line saying it is in English


def _exists(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def translated_template(template: str, language: str) -> str | None:
    """The template's version in ``language``, if one exists."""
    if language in ("", ENGLISH, Inquiry.Language.OTHER):
        return None
    folder, name = template.rsplit("/", 1)
    candidate = f"{folder}/{language}/{name}"
    return candidate if _exists(candidate) else None


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


def patient_email(template: str, language: str) -> PatientEmail:
    """Which template to render for a patient who chose ``language``."""
    translated = translated_template(template, language)
    if translated is not None:
        return PatientEmail(
            language=language,
            template=translated,
            subject_template=translated.removesuffix(".txt") + "_subject.txt",
            untranslated_note="",
        )
    with translation.override(settings.LANGUAGE_CODE):
        note = _untranslated_note(language)
    return PatientEmail(
        language=settings.LANGUAGE_CODE,
        template=template,
        subject_template=None,
        untranslated_note=note,
    )


def patient_email_render(
    *, template: str, language: str, subject: str, context: dict
) -> tuple[str, str]:
    """(subject, body) of a patient e-mail in their language, or in English with
    a line saying so. ``subject`` is the English one, used without a translation."""
    chosen = patient_email(template, language)
    context = {**context, "untranslated_note": chosen.untranslated_note}
    with translation.override(chosen.language):
        body = render_to_string(chosen.template, context)
        if chosen.subject_template is not None:
            subject = " ".join(
                render_to_string(chosen.subject_template, context).split()
            )
    return str(subject), body


def site_context(inquiry: Inquiry) -> dict:
    """What every e-mail about an inquiry may name."""
    return {
        "reference": inquiry.reference,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
