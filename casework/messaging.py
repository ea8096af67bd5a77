"""Writing to the patient: templates, the message, and the e-mail that announces it.

Every message is written to the thread and announced by an e-mail queued in the
inquiries outbox in the same transaction (the outbox stays the record of every
e-mail that left). The e-mail holds no health data: a notice, the reference and
the secure link. The first message stops the first-response clock.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from inquiries.activity import inquiry_activity_record
from inquiries.models import Inquiry, OutboxEmail
from inquiries.outbox import outbox_email_queue
from inquiries.patient_emails import patient_subject
from inquiries.text_limits import text_within_limit
from inquiries.workflow import Activity
from trust.selectors import contact_details

from .access import can_triage
from .conf import setting
from .models import Assessment, Message, MessageTemplate
from .patient_links import patient_link_issue, patient_link_url

MAX_BODY = 10_000
# Only these names are filled in; a template is staff-written text, never code.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# What each placeholder stands for, to name a gap a reply still has.
PLACEHOLDER_NAMES = {
    "reference": "reference",
    "coordinator": "coordinator's name",
    "centres": "treatment centres",
    "missing": "records still needed",
    "reasoning": "clinician's reasoning",
}
# A placeholder with nothing to fill it (no assessment yet, no centre signed)
# becomes this marker instead of blank lines, and a reply holding one is not sent.
GAP = "[MISSING: {name}]"
GAP_PATTERN = re.compile(r"\[MISSING: ([^\]\n]+)\]")


def templates_for(inquiry: Inquiry) -> list[MessageTemplate]:
    """One template per purpose: the patient's language where one exists, else
    English."""
    wanted = {inquiry.preferred_language, Inquiry.Language.ENGLISH}
    chosen: dict[str, MessageTemplate] = {}
    for template in MessageTemplate.objects.filter(language__in=wanted):
        current = chosen.get(template.purpose)
        if current is None or template.language == inquiry.preferred_language:
            chosen[template.purpose] = template
    order = list(MessageTemplate.Purpose.values)
    return sorted(chosen.values(), key=lambda t: order.index(t.purpose))


def template_fill(
    *, body: str, inquiry: Inquiry, coordinator, assessment: Assessment | None = None
) -> str:
    """The template's text with its placeholders filled in; unknown ones stay."""
    centres = ""
    values = {
        "reference": inquiry.reference,
        "coordinator": coordinator.get_display_name() if coordinator else "",
        "centres": centres,
        "missing": "",
        "reasoning": "",
    }
    if assessment is not None:
        values["centres"] = "\n".join(
            f"- {centre.name}, {centre.city} ({centre.country_name})"
            for centre in assessment.signed_centres()
        )
        values["missing"] = assessment.missing
        values["reasoning"] = assessment.reasoning

    def fill(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return values[name].strip() or GAP.format(name=PLACEHOLDER_NAMES[name])

    return PLACEHOLDER.sub(fill, body)


def refuse_gaps(body: str) -> None:
    """Refuse a reply that still has a gap a template left, naming each one.

    A patient must never get blank lines where the centres should be, nor a
    raw ``{centres}``.
    """
    gaps = [match.group(1) for match in GAP_PATTERN.finditer(body)]
    gaps += [
        PLACEHOLDER_NAMES[match.group(1)]
        for match in PLACEHOLDER.finditer(body)
        if match.group(1) in PLACEHOLDER_NAMES
    ]
    if gaps:
        raise ValidationError(
            _(
                "The message was not sent: it still has a gap where the %(gaps)s "
                "should be. Write them in (or remove the line) and send again."
            )
            % {"gaps": ", ".join(dict.fromkeys(gaps))},
            code="template_gap",
        )


def clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError(_("Write the message first."), code="message_empty")
    # Refused, never cut: the page keeps the text.
    text_within_limit(body, MAX_BODY)
    return body


@transaction.atomic
def message_send(
    *,
    inquiry: Inquiry,
    author,
    body: str,
    template_purpose: str = "",
    assessment: Assessment | None = None,
) -> Message:
    """Write to the patient: the message, a fresh secure link and the notice."""
    if not can_triage(author):
        raise ValidationError(_("Only coordinators write to patients."))
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.erased_at is not None:
        raise ValidationError(_("This inquiry's data was erased."), code="erased")
    if not inquiry.email:
        raise ValidationError(
            _("This inquiry has no e-mail address to announce a message to."),
            code="no_email",
        )
    if assessment is not None and assessment.inquiry_id != inquiry.pk:
        raise ValidationError(_("That assessment belongs to another inquiry."))
    if template_purpose not in ("", *MessageTemplate.Purpose.values):
        template_purpose = ""
    body = clean_body(body)
    refuse_gaps(body)
    message = Message(
        inquiry=inquiry,
        direction=Message.Direction.TO_PATIENT,
        author=author,
        body=body,
        template_purpose=template_purpose,
        assessment=assessment,
    )
    message.full_clean()
    message.save()
    __, token = patient_link_issue(inquiry=inquiry, actor=author)
    message.notice = outbox_email_queue(
        inquiry=inquiry,
        kind=OutboxEmail.Kind.PATIENT_NOTICE,
        recipients=[inquiry.email],
        subject=patient_subject(
            gettext_noop("A new message about your inquiry %(reference)s"),
            {"reference": inquiry.reference},
        ),
        template="casework/email/patient_notice.txt",
        language=inquiry.preferred_language,
        context={
            "link": patient_link_url(token),
            "link_days": setting("CASEWORK_LINK_DAYS"),
            # A second way to reach us if the link fails; only approved details.
            "contact": contact_details(),
        },
    )
    message.save(update_fields=["notice"])
    inquiry_activity_record(
        inquiry=inquiry, activity=Activity.MESSAGE_SENT, at=message.created_at
    )
    if inquiry.first_responded_at is None:
        inquiry.first_responded_at = timezone.now()
        inquiry.save(update_fields=["first_responded_at"])
    return message


def activity_alert(*, inquiry: Inquiry, what: str) -> OutboxEmail:
    """Tell the assignee (or, without one, the coordinators' address) that
    something new arrived. ``what`` is one of this app's neutral sentences."""
    assignee = inquiry.assignee
    recipients = (
        [assignee.email]
        if assignee and assignee.email and assignee.is_active
        else settings.INQUIRY_ALERT_EMAIL
    )
    return outbox_email_queue(
        inquiry=inquiry,
        kind=OutboxEmail.Kind.ACTIVITY_ALERT,
        recipients=recipients,
        subject=_("New activity on %(reference)s") % {"reference": inquiry.reference},
        template="casework/email/activity_alert.txt",
        context={
            "what": what,
            "inquiry_url": settings.SITE_URL.rstrip("/") + inquiry.get_absolute_url(),
        },
    )
