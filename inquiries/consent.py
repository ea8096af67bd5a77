"""The consent texts a patient agrees to, by version.

Two consents, given separately: one to store and use the records to answer the
inquiry (required to send it), one to send them to partner hospitals abroad
(optional when sending; required before a coordinator moves a case to
"Hospital coordination", and the patient can give it later on their secure
page). An inquiry stores each version it was given under and when.

Never edit a published text: add a new version and point the current version at
it, so every stored consent still shows the words the person actually agreed to.
The same holds for each translation (the catalogues under ``locale/``): the
person agreed to a version in a language, and the inquiry stores both.
``locale/consent_digests.json`` pins a digest of every published text in every
site language; a test fails when a catalogue changes one, so a changed translation
is a new version too.
The countries a transfer consent names belong to its version for the same
reason; the privacy notice (reviewed content) names them too.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from .countries import COUNTRY_NAMES

CONSENT_TEXTS = {
    # Covered sending to partner hospitals too; split in 2026-12.
    "2026-11": _(
        "I agree that CancerFax may store and process the health information and "
        "medical records in this form, and share them with partner hospitals and "
        "doctors, to answer my question about treatment options. I can withdraw "
        "this consent and ask for my data to be erased at any time by writing to "
        "CancerFax."
    ),
    "2026-12": _(
        "I agree that CancerFax may store and use the health information and "
        "medical records in this form to answer my question about treatment "
        "options. Its coordinators and the doctors who review cases for it will "
        "read them. I can withdraw this consent and ask for my data to be erased "
        "at any time by writing to CancerFax."
    ),
}
CURRENT_CONSENT_VERSION = "2026-12"


@dataclass(frozen=True)
class TransferConsent:
    version: str
    countries: tuple[str, ...]  # ISO codes of the partner hospitals' countries
    text: str


TRANSFER_CONSENTS = {
    "2026-12": TransferConsent(
        version="2026-12",
        countries=("CN", "IN"),
        text=_(
            "I also agree that CancerFax may send my medical records to its "
            "partner hospitals in China and India, so that they can say whether "
            "they could treat me. The law there may protect data less well, so "
            "each hospital first signs the standard contractual clauses named in "
            "the privacy notice. This is optional: without it we answer from our "
            "own review, and we ask again before sending anything."
        ),
    ),
}
CURRENT_TRANSFER_CONSENT_VERSION = "2026-12"

MARKETING_CONSENT_TEXT = _(
    "Send me occasional news about treatments and CancerFax services by e-mail "
    "(optional; you can unsubscribe at any time)."
)


def frozen_digests() -> dict:
    """The digest (sha256, first 16 hex digits) of each published text as shown
    in each language, ``{kind: {version: {language: digest}}}``: data that goes
    with the catalogues (``locale/consent_digests.json``)."""
    path = Path(settings.LOCALE_PATHS[0]) / "consent_digests.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _in_language(text, language: str) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return str(text)


# The countries transfer consents name, in the catalogues (the full list of
# countries of residence stays in English for now).
TRANSFER_COUNTRY_WORDS = (gettext_noop("China"), gettext_noop("India"))


def countries_text(names) -> str:
    """ "China and India" in the active language."""
    names = [gettext(name) for name in names]
    if len(names) < 2:
        return "".join(names)
    return gettext("%(first)s and %(last)s") % {
        "first": gettext(", ").join(names[:-1]),
        "last": names[-1],
    }


def consent_text(version: str, language: str = "") -> str:
    """The health-data consent of ``version`` as shown in ``language`` (a code
    of ``settings.LANGUAGES``; empty: the source language, English)."""
    text = CONSENT_TEXTS.get(version)
    return "" if text is None else _in_language(text, language)


def transfer_consent_text(version: str, language: str = "") -> str:
    consent = TRANSFER_CONSENTS.get(version)
    return "" if consent is None else _in_language(consent.text, language)


def consent_words(kind: str, version: str, language: str = "") -> str:
    """The words of a consent (``kind``: "consent" or "transfer") as shown."""
    if kind == "transfer":
        return transfer_consent_text(version, language)
    return consent_text(version, language)


def consent_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def published_texts() -> dict[tuple[str, str, str], str]:
    """Every published consent text in every site language, by key."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        for version in CONSENT_TEXTS:
            texts[("consent", version, code)] = consent_text(version, code)
        for version in TRANSFER_CONSENTS:
            texts[("transfer", version, code)] = transfer_consent_text(version, code)
    return texts


def transfer_consent(version: str = CURRENT_TRANSFER_CONSENT_VERSION):
    return TRANSFER_CONSENTS.get(version)


def transfer_country_names(version: str = CURRENT_TRANSFER_CONSENT_VERSION):
    consent = transfer_consent(version)
    if consent is None:
        return []
    return [COUNTRY_NAMES.get(code, code) for code in consent.countries]
