"""The consent texts a patient agrees to, by version.

An inquiry stores the version it was given under and when. Never edit a published
text: add a new version and point ``CURRENT_CONSENT_VERSION`` at it, so every stored
consent still shows the words the person actually agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_TEXTS = {
    "2026-11": _(
        "I agree that CancerFax may store and process the health information and "
        "medical records in this form, and share them with partner hospitals and "
        "doctors, to answer my question about treatment options. I can withdraw "
        "this consent and ask for my data to be erased at any time by writing to "
        "CancerFax."
    ),
}
CURRENT_CONSENT_VERSION = "2026-11"

MARKETING_CONSENT_TEXT = _(
    "Send me occasional news about treatments and CancerFax services by e-mail "
    "(optional; you can unsubscribe at any time)."
)


def consent_text(version: str) -> str:
    return CONSENT_TEXTS.get(version, "")
