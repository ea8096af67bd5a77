"""The consent texts a patient agrees to, by version.

Two consents, given separately: one to store and use the records to answer the
inquiry (required to send it), one to send them to partner hospitals abroad
(optional when sending; required before a coordinator moves a case to
"Hospital coordination", and the patient can give it later on their secure
page). An inquiry stores each version it was given under and when.

Never edit a published text: add a new version and point the current version at
it, so every stored consent still shows the words the person actually agreed to.
The countries a transfer consent names belong to its version for the same
reason; the privacy notice (reviewed content) names them too.
"""

from dataclasses import dataclass

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


def consent_text(version: str) -> str:
    return CONSENT_TEXTS.get(version, "")


def transfer_consent(version: str = CURRENT_TRANSFER_CONSENT_VERSION):
    return TRANSFER_CONSENTS.get(version)


def transfer_country_names(version: str = CURRENT_TRANSFER_CONSENT_VERSION):
    consent = transfer_consent(version)
    if consent is None:
        return []
    return [COUNTRY_NAMES.get(code, code) for code in consent.countries]
