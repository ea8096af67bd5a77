"""The last activity on an inquiry and whether it needs a reply: what the queue
shows in each row, orders by and counts ("Needs reply").

Written by the services that cause it (intake, the patient's secure link, the
clinician's assessment, a message to the patient) in their own transaction.
"""

from django.db import transaction
from django.utils import timezone

from .models import Inquiry
from .workflow import ANSWERED_BY, NEEDS_REPLY_AFTER, Activity


@transaction.atomic
def inquiry_activity_record(*, inquiry: Inquiry, activity: str, at=None) -> Inquiry:
    """Note ``activity`` as the inquiry's latest; what arrives from outside sets
    "needs a reply", a message to the patient clears it. Returns ``inquiry``
    with the new values."""
    fields = {
        "last_activity": Activity(activity),
        "last_activity_at": at or timezone.now(),
    }
    if activity in NEEDS_REPLY_AFTER:
        fields["needs_reply"] = inquiry.is_open
    elif activity in ANSWERED_BY:
        fields["needs_reply"] = False
    # One UPDATE of these columns only: callers hold the row's lock, or add to
    # a row another transaction may be saving (the triage fields stay theirs).
    Inquiry.objects.filter(pk=inquiry.pk).update(**fields)
    for name, value in fields.items():
        setattr(inquiry, name, value)
    return inquiry
