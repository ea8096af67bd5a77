"""The workspace's rules: what the user may do there, and the panel (status,
assignee, priority, a note) saved at once with the reply.

One submit, one transaction: if any part is refused (a transition the table
does not allow, a closing without an outcome, a reply that cannot be sent)
nothing of it is saved, and the coordinator sees why next to the panel.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cancerfax.numbers import is_whole
from inquiries.models import Inquiry
from inquiries.triage import (
    inquiry_add_note,
    inquiry_advance,
    inquiry_assign,
    inquiry_set_priority,
    inquiry_transition,
)
from inquiries.workflow import Status, Step, status_after, status_path

from .access import can_triage
from .assessments import assessment_request_create, casework_people
from .messaging import message_send, template_fill, templates_for
from .models import Assessment, MessageTemplate
from .patient_links import patient_links_revoke

UNCHANGED = object()

# Which template an assessment's conclusion suggests when answering from it.
TEMPLATE_FOR_CONCLUSION = {
    Assessment.Conclusion.WORTH_CONSIDERING: MessageTemplate.Purpose.WORTH_CONSIDERING,
    Assessment.Conclusion.NOT_SUITABLE: MessageTemplate.Purpose.NOT_SUITABLE,
    Assessment.Conclusion.MORE_INFORMATION: MessageTemplate.Purpose.RECORDS_REQUESTED,
    Assessment.Conclusion.OTHER_OPTION: "",
}


@dataclass
class WorkspaceState:
    """What the workspace offers this user on this inquiry."""

    can_triage: bool
    answering: Assessment | None = None
    people: list = field(default_factory=list)
    clinicians: list = field(default_factory=list)
    # Each template's text, filled in for this inquiry, by purpose.
    templates: dict[str, str] = field(default_factory=dict)

    @property
    def suggested(self) -> str:
        if self.answering is None:
            return ""
        return TEMPLATE_FOR_CONCLUSION.get(self.answering.conclusion, "")

    def reply_initial(self, template: str | None = None) -> dict:
        """A reply starts from the chosen template (or, answering from an
        assessment, from the one its conclusion suggests), filled in."""
        template = self.suggested if template is None else template
        return {
            "assessment": self.answering.pk if self.answering else None,
            "template": template,
            "body": self.templates.get(template, "") if template else "",
        }


def workspace_state(*, inquiry: Inquiry, user, answer=None) -> WorkspaceState:
    """Coordinators work on an inquiry until it is erased; others only read it.
    ``answer`` names one of the inquiry's assessments the reply answers."""
    answering = None
    if is_whole(answer):
        answering = inquiry.assessments.filter(pk=int(answer)).first()
    if not (can_triage(user) and inquiry.erased_at is None):
        return WorkspaceState(can_triage=False, answering=answering)
    people, clinicians = casework_people()
    templates = {
        template.purpose: template_fill(
            body=template.body, inquiry=inquiry, coordinator=user, assessment=answering
        )
        for template in templates_for(inquiry)
    }
    return WorkspaceState(
        can_triage=True,
        answering=answering,
        people=people,
        clinicians=clinicians,
        templates=templates,
    )


def reply_step(template_purpose: str) -> str:
    """A reply from the "records requested" template is a records request."""
    if template_purpose == MessageTemplate.Purpose.RECORDS_REQUESTED:
        return Step.RECORDS_REQUEST
    return Step.REPLY


def status_set_by(step: str, status: str) -> str:
    """The status label a submit names ("sets Medical review"), or ""."""
    target = status_after(step, status)
    if target is None or not status_path(status, target):
        return ""
    return str(Status(target).label)


def unsent_leftovers(
    *, action: str, reply: dict, ask: dict, templates: dict[str, str]
) -> list[str]:
    """What the submit would leave behind: a typed message the coordinator did
    not send, a question the clinician would not get. The page refuses and
    keeps them, rather than save the rest and drop them without a word."""
    problems = []
    body = (reply.get("body") or "").strip()
    untouched = body == (templates.get(reply.get("template") or "", "")).strip()
    if action != "send" and body and not untouched:
        problems.append(
            _(
                "The message to the patient is written but not sent: press "
                "“Send to the patient”, or clear the message, then try again."
            )
        )
    if action != "ask" and (ask.get("question") or "").strip():
        problems.append(
            _(
                "The question for the clinician is written but not sent: press "
                "“Send for assessment”, or clear the question, then try again."
            )
        )
    return problems


@transaction.atomic
def workspace_submit(
    *,
    inquiry: Inquiry,
    actor,
    panel: dict,
    reply: dict | None = None,
    answering: Assessment | None = None,
    ask: dict | None = None,
    revoke: bool = False,
) -> str:
    """Save the panel and, with ``reply``, send the message, or, with ``ask``
    (clinician and question), send the case for assessment: all or nothing.

    The reply or the request moves the status as the step
    says (``inquiries.workflow.STATUS_AFTER``), unless the coordinator chose a
    status in the panel; ``revoke`` stops the patient's links too. Returns the
    sentence that tells the coordinator what was done."""
    done = workspace_save(
        inquiry=inquiry,
        actor=actor,
        to_status=panel["to_status"],
        outcome=panel["outcome"],
        assignee=panel["assignee_user"],
        priority=panel["priority"],
        note=panel["note"],
    )
    step = None
    if ask is not None:
        assessment_request_create(
            inquiry=inquiry,
            clinician=ask["clinician"],
            actor=actor,
            question=ask["question"],
        )
        done.append(
            _("sent to %(name)s for assessment")
            % {"name": ask["clinician"].get_display_name()}
        )
        step = Step.CLINICIAN_REQUEST
    if reply is not None:
        message_send(
            inquiry=inquiry,
            author=actor,
            body=reply["body"],
            template_purpose=reply["template"],
            assessment=answering,
        )
        done.append(_("message sent to the patient"))
        step = reply_step(reply["template"])
    if step is not None and not panel["to_status"]:
        before = inquiry.status
        inquiry = inquiry_advance(inquiry=inquiry, step=step, actor=actor)
        if inquiry.status != before:
            done.append(
                _("status changed to %(status)s")
                % {"status": inquiry.get_status_display()}
            )
    if revoke:
        count = patient_links_revoke(inquiry=inquiry, actor=actor)
        done.append(
            ngettext(
                "%(count)d patient link revoked",
                "%(count)d patient links revoked",
                count,
            )
            % {"count": count}
        )
    if not done:
        return _("Nothing to save.")
    # Only the first letter: names and statuses keep their capitals.
    sentence = _("saved: %(changes)s.") % {"changes": ", ".join(done)}
    return sentence[:1].upper() + sentence[1:]


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
