"""Inquiries from patients, their medical records, and what coordinators do with them.

Every state change goes through ``inquiries.services``. Patient names and
filenames never appear in ``__str__``: it is what the admin log and messages show.
"""

from .inquiry import REFERENCE_ALPHABET, Inquiry, InquiryQuerySet, new_reference
from .logs import AccessLog, HeldSubmission, RateCounter
from .outbox import OutboxEmail, OutboxEmailQuerySet
from .records import InquiryEvent, InquiryFile

__all__ = [
    "REFERENCE_ALPHABET",
    "AccessLog",
    "HeldSubmission",
    "Inquiry",
    "InquiryEvent",
    "InquiryFile",
    "InquiryQuerySet",
    "OutboxEmail",
    "OutboxEmailQuerySet",
    "RateCounter",
    "new_reference",
]
