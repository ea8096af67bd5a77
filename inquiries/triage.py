"""A coordinator's changes to an inquiry: assign, prioritise, move, note.

Each locks the inquiry row before reading what it derives from, validates and
records an event in the same transaction.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Inquiry, InquiryEvent
from .services import event_record
from .text_limits import text_within_limit
from .transfer import transfer_refuse_without_consent
from .workflow import (
    Outcome,
    Priority,
    Status,
    allowed_transitions,
    status_after,
    status_path,
)

# The panel's note field has the same limit (casework/forms.py).
MAX_NOTE = 5000


class InvalidTransition(ValidationError):
    pass


def inquiry_locked(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def _save(inquiry: Inquiry, fields: list[str]) -> None:
    inquiry.full_clean()
    inquiry.save(update_fields=fields)


def user_can_triage(user) -> bool:
    return bool(
        user
        and user.is_active
        and user.is_staff
        and user.has_perm("inquiries.change_inquiry")
    )


@transaction.atomic
def inquiry_assign(
    *, inquiry: Inquiry, assignee: AbstractBaseUser | None, actor: AbstractBaseUser
) -> Inquiry:
    """Give the inquiry to a coordinator (or to nobody, with ``assignee=None``)."""
    inquiry = inquiry_locked(inquiry)
    if assignee is not None and not user_can_triage(assignee):
        raise ValidationError(
            _("%(user)s cannot work on inquiries.") % {"user": assignee.get_username()},
            code="not_a_coordinator",
        )
    if inquiry.assignee_id == (assignee.pk if assignee else None):
        return inquiry
    inquiry.assignee = assignee
    _save(inquiry, ["assignee"])
    summary = (
        _("Assigned to %(user)s") % {"user": assignee.get_display_name()}
        if assignee
        else _("Unassigned")
    )
    event_record(
        inquiry=inquiry, kind=InquiryEvent.Kind.ASSIGNED, summary=summary, actor=actor
    )
    return inquiry


@transaction.atomic
def inquiry_set_priority(
    *, inquiry: Inquiry, priority: int, actor: AbstractBaseUser
) -> Inquiry:
    inquiry = inquiry_locked(inquiry)
    if inquiry.priority == priority:
        return inquiry
    inquiry.priority = priority
    _save(inquiry, ["priority"])
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.PRIORITY,
        summary=_("Priority set to %(priority)s")
        % {"priority": Priority(priority).label},
        actor=actor,
    )
    return inquiry


@transaction.atomic
def inquiry_transition(
    *,
    inquiry: Inquiry,
    to_status: str,
    actor: AbstractBaseUser | None,
    outcome: str = "",
    note: str = "",
) -> Inquiry:
    """Move the inquiry to ``to_status`` if the transition table allows it.

    Closing needs an outcome; "Hospital coordination" needs the patient's
    consent to send the records abroad. Leaving 'New' for the first time records
    the first response; reopening clears the outcome.
    """
    inquiry = inquiry_locked(inquiry)
    from_status = inquiry.status
    if inquiry.erased_at is not None:
        raise InvalidTransition(
            _("This inquiry's data was erased; its status cannot change."),
            code="erased",
        )
    allowed = allowed_transitions(from_status)
    if to_status not in allowed:
        raise InvalidTransition(
            _(
                "An inquiry cannot move from “%(from)s” to “%(to)s”. From "
                "“%(from)s” it can move to: %(allowed)s."
            )
            % {
                "from": Status(from_status).label,
                "to": Status(to_status).label if to_status in Status else to_status,
                "allowed": ", ".join(str(Status(s).label) for s in allowed),
            },
            code="illegal_transition",
        )
    transfer_refuse_without_consent(inquiry=inquiry, to_status=to_status)
    now = timezone.now()
    if to_status == Status.CLOSED:
        if outcome not in Outcome.values:
            raise InvalidTransition(
                _("Choose an outcome to close the inquiry."), code="outcome_required"
            )
        inquiry.outcome = outcome
        inquiry.closed_at = now
        inquiry.needs_reply = False  # a closed case waits for nothing
    else:
        inquiry.outcome = ""
        inquiry.closed_at = None
    if from_status == Status.NEW and inquiry.first_responded_at is None:
        inquiry.first_responded_at = now
    inquiry.status = to_status
    _save(
        inquiry,
        ["status", "outcome", "closed_at", "first_responded_at", "needs_reply"],
    )
    summary = f"{Status(from_status).label} → {Status(to_status).label}"
    if outcome and to_status == Status.CLOSED:
        summary += f" ({Outcome(outcome).label})"
    event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.STATUS,
        summary=summary,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        note=note.strip(),
    )
    return inquiry


@transaction.atomic
def inquiry_advance(
    *, inquiry: Inquiry, step: str, actor: AbstractBaseUser | None
) -> Inquiry:
    """Move the inquiry on as ``step`` (a reply, a records or clinician request)
    implies (``workflow.STATUS_AFTER``), one recorded transition at a time;
    a status the step does not move stays."""
    inquiry = inquiry_locked(inquiry)
    target = status_after(step, inquiry.status)
    if target is None or inquiry.erased_at is not None:
        return inquiry
    for status in status_path(inquiry.status, target):
        inquiry = inquiry_transition(inquiry=inquiry, to_status=status, actor=actor)
    return inquiry


def inquiry_mark_spam(*, inquiry: Inquiry, actor: AbstractBaseUser) -> Inquiry:
    return inquiry_transition(
        inquiry=inquiry, to_status=Status.CLOSED, outcome=Outcome.SPAM, actor=actor
    )


@transaction.atomic
def inquiry_add_note(
    *, inquiry: Inquiry, actor: AbstractBaseUser, text: str
) -> InquiryEvent:
    """An internal note for coordinators; never shown to the patient."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the note first."), code="note_empty")
    # Refused, never cut: the coordinator keeps what they wrote.
    text_within_limit(text, MAX_NOTE)
    if inquiry.erased_at is not None:
        raise ValidationError(_("This inquiry's data was erased."), code="erased")
    return event_record(
        inquiry=inquiry,
        kind=InquiryEvent.Kind.NOTE,
        summary=_("Internal note"),
        actor=actor,
        note=text,
    )
