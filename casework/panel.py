"""The workspace panel: status, assignee, priority and a note, saved at once.

One submit, one transaction: if any part is refused (a transition the table
does not allow, a closing without an outcome) nothing of it is saved, and the
coordinator sees why next to the panel.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from inquiries.models import Inquiry
from inquiries.triage import (
    inquiry_add_note,
    inquiry_assign,
    inquiry_set_priority,
    inquiry_transition,
)

UNCHANGED = object()


@transaction.atomic
def workspace_save(
    *,
    inquiry: Inquiry,
    actor,
    to_status: str = "",
    outcome: str = "",
    assignee=UNCHANGED,
    priority: int | None = None,
    note: str = "",
) -> list[str]:
    """Apply what changed; return a sentence for each change (for the message)."""
    done = []
    if assignee is not UNCHANGED and inquiry.assignee_id != (
        assignee.pk if assignee else None
    ):
        inquiry = inquiry_assign(inquiry=inquiry, assignee=assignee, actor=actor)
        done.append(_("assignee saved"))
    if priority is not None and priority != inquiry.priority:
        inquiry = inquiry_set_priority(inquiry=inquiry, priority=priority, actor=actor)
        done.append(_("priority saved"))
    note = (note or "").strip()
    if to_status and to_status != inquiry.status:
        # The note travels with the status change, as one timeline line.
        inquiry = inquiry_transition(
            inquiry=inquiry,
            to_status=to_status,
            outcome=outcome,
            note=note,
            actor=actor,
        )
        done.append(
            _("status changed to %(status)s") % {"status": inquiry.get_status_display()}
        )
        note = ""
    if note:
        inquiry_add_note(inquiry=inquiry, actor=actor, text=note)
        done.append(_("note added"))
    return done
