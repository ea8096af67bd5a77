"""Sending a patient's records to partner hospitals abroad, and its consent.

The records leave for a hospital when a coordinator moves the case to "Hospital
coordination": ``inquiry_transition`` refuses that move until the patient has
given the separate transfer consent (on the form, or later on their secure page
through ``transfer_consent_give``).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .consent import CURRENT_TRANSFER_CONSENT_VERSION, transfer_country_names
from .models import Inquiry, InquiryEvent
from .services import event_record, inquiry_refuse_if_closed
from .workflow import Status

# Moving here sends the records to hospitals: the transfer consent comes first.
NEEDS_TRANSFER_CONSENT = frozenset({Status.HOSPITAL_COORDINATION})


class TransferConsentMissing(ValidationError):
    pass


def transfer_refuse_without_consent(*, inquiry: Inquiry, to_status: str) -> None:
    """Refuse a move that sends records abroad without the patient's consent."""
    if to_status in NEEDS_TRANSFER_CONSENT and not inquiry.has_transfer_consent:
        raise TransferConsentMissing(
            _(
                "The patient has not agreed to their records being sent to partner "
                "hospitals abroad (%(countries)s), so the case cannot move to "
                "“%(status)s”. Ask them in a message: their secure page lets them "
                "give that consent."
            )
            % {
                "countries": ", ".join(transfer_country_names()),
                "status": Status(to_status).label,
            },
            code="transfer_consent_missing",
        )


@transaction.atomic
def transfer_consent_give(
    *,
    inquiry: Inquiry,
    version: str = CURRENT_TRANSFER_CONSENT_VERSION,
    language: str = "",
) -> Inquiry:
    """Record the patient's consent to send their records abroad, given after
    the inquiry (their secure page, in ``language``). Giving it twice changes
    nothing."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    inquiry_refuse_if_closed(inquiry)
    if inquiry.has_transfer_consent:
        return inquiry
    inquiry.transfer_consent_version = version
    inquiry.transfer_consent_given_at = timezone.now()
    inquiry.transfer_consent_language = language
    inquiry.full_clean()
    inquiry.save(
        update_fields=[
            "transfer_consent_version",
            "transfer_consent_given_at",
            "transfer_consent_language",
        ]
    )
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.CONSENT,
        summary=_("The patient agreed to their records being sent abroad (%(v)s)")
        % {"v": version},
    )
    return inquiry
