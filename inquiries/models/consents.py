"""What an inquiry's consents say: whether its records may go abroad, to which
countries, and each consent's words as the person read them."""

from django.conf import settings
from django.utils.translation import get_language_info

from ..consent import (
    CURRENT_TRANSFER_CONSENT_VERSION,
    consent_words,
    transfer_country_names,
)


class InquiryConsents:
    """Read from the inquiry's consent fields (``Inquiry`` holds them)."""

    @property
    def has_transfer_consent(self):
        """Whether the records may go to the partner hospitals abroad."""
        return bool(self.transfer_consent_version and self.transfer_consent_given_at)

    @property
    def transfer_countries(self):
        """The countries the transfer consent names: those agreed to, or those
        the current text would name."""
        version = self.transfer_consent_version or CURRENT_TRANSFER_CONSENT_VERSION
        return transfer_country_names(version)

    def consents_as_shown(self) -> list[dict]:
        """Each consent given, with its words as the person read them and the
        English they translate (for the coordinator)."""
        shown = [("consent", self.consent_version, self.consent_language)]
        if self.has_transfer_consent:
            shown.append(
                (
                    "transfer",
                    self.transfer_consent_version,
                    self.transfer_consent_language,
                )
            )
        return [
            {
                "kind": kind,
                "version": version,
                "language": language or settings.LANGUAGE_CODE,
                "language_name": get_language_info(language or settings.LANGUAGE_CODE)[
                    "name"
                ],
                "text": consent_words(kind, version, language),
                "english": consent_words(kind, version, ""),
            }
            for kind, version, language in shown
        ]
