"""The workspace's conversation and timeline, read in two queries whatever its length.

Messages, assessment requests, events, e-mails and patient links are read as one
``UNION ALL`` of the same columns (the coordinator's page must not cost a query per
kind of entry, nor grow with the thread); assessments, which the page shows whole,
are read as objects, with the copy of their centres signed with them.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from inquiries.models import Inquiry, InquiryEvent, OutboxEmail

from .models import Assessment, AssessmentRequest, Message, PatientLink


@dataclass
class ThreadEntry:
    when: datetime
    kind: str  # message_out, message_in, assessment, request, event, email, link
    who: str
    title: str
    body: str = ""
    obj: object = None
    extra: dict = field(default_factory=dict)


@dataclass
class Thread:
    entries: list[ThreadEntry]
    current_assessment: Assessment | None
    links_usable: int


# The shared columns of the union and their types; each source fills what it has.
COLUMNS = {
    "t_source": models.CharField(),
    "t_id": models.BigIntegerField(),
    "t_when": models.DateTimeField(),
    "t_until": models.DateTimeField(),
    "t_name": models.CharField(),
    "t_user": models.CharField(),
    "t_other_name": models.CharField(),
    "t_other_user": models.CharField(),
    "t_code": models.CharField(),
    "t_title": models.TextField(),
    "t_body": models.TextField(),
    "t_mail_id": models.BigIntegerField(),
    "t_mail_kind": models.CharField(),
    "t_mail_sent": models.DateTimeField(),
    "t_mail_attempts": models.IntegerField(),
    "t_mail_error": models.TextField(),
}

# Entries at the same moment keep the order the page always had.
RANK = {"message": 0, "assessment": 1, "request": 2, "event": 3, "email": 4, "link": 5}


def _rows(queryset, source: str, **given):
    """``queryset`` as rows of COLUMNS: ``given`` expressions, typed NULL elsewhere."""
    columns = {"t_source": Value(source, output_field=models.CharField())}
    for name, output in COLUMNS.items():
        if name == "t_source":
            continue
        value = given.get(name)
        # A typed NULL: PostgreSQL must match every branch's column types.
        columns[name] = Cast(Value(None), output) if value is None else value
    return queryset.order_by().annotate(**columns).values(*COLUMNS)


def _person(prefix: str, path: str) -> dict:
    return {
        f"t_{prefix}name": F(f"{path}__display_name"),
        f"t_{prefix}user": F(f"{path}__email"),
    }


def _mail_columns(path: str) -> dict:
    """The e-mail columns, read from the outbox row at ``path`` ("" for itself)."""
    at = f"{path}__" if path else ""
    return {
        "t_mail_id": F(f"{path}_id" if path else "pk"),
        "t_mail_kind": F(f"{at}kind"),
        "t_mail_sent": F(f"{at}sent_at"),
        "t_mail_attempts": F(f"{at}attempts"),
        "t_mail_error": F(f"{at}last_error"),
    }


def _union(inquiry: Inquiry):
    messages = _rows(
        Message.objects.filter(inquiry=inquiry),
        "message",
        t_id=F("pk"),
        t_when=F("created_at"),
        t_code=F("direction"),
        t_body=F("body"),
        **_mail_columns("notice"),
        **_person("", "author"),
    )
    requests = _rows(
        AssessmentRequest.objects.filter(inquiry=inquiry),
        "request",
        t_id=F("pk"),
        t_when=F("created_at"),
        t_body=F("question"),
        **_person("", "requested_by"),
        **_person("other_", "clinician"),
    )
    events = _rows(
        InquiryEvent.objects.filter(inquiry=inquiry).exclude(
            kind=InquiryEvent.Kind.EMAIL
        ),
        "event",
        t_id=F("pk"),
        t_when=F("created_at"),
        t_title=F("summary"),
        t_body=F("note"),
        **_person("", "actor"),
    )
    emails = _rows(
        OutboxEmail.objects.filter(inquiry=inquiry),
        "email",
        t_id=F("pk"),
        t_when=F("created_at"),
        **_mail_columns(""),
    )
    links = _rows(
        PatientLink.objects.filter(inquiry=inquiry),
        "link",
        t_id=F("pk"),
        t_when=F("revoked_at"),
        t_until=F("expires_at"),
        **_person("", "revoked_by"),
    )
    return messages.union(requests, events, emails, links, all=True)


def _name(display_name, email, fallback=""):
    """As ``User.get_display_name()`` reads it, from the union's columns."""
    if email is None:
        return fallback or _("system")
    return (display_name or "").strip() or email


def _mail(row) -> OutboxEmail | None:
    if row["t_mail_id"] is None:
        return None
    return OutboxEmail(
        pk=row["t_mail_id"],
        kind=row["t_mail_kind"],
        sent_at=row["t_mail_sent"],
        attempts=row["t_mail_attempts"] or 0,
        last_error=row["t_mail_error"] or "",
    )


def _entry(row) -> ThreadEntry | None:
    who = _name(row["t_name"], row["t_user"])
    source = row["t_source"]
    if source == "message":
        outgoing = row["t_code"] == Message.Direction.TO_PATIENT
        return ThreadEntry(
            when=row["t_when"],
            kind="message_out" if outgoing else "message_in",
            who=who if outgoing else _("Patient"),
            title=_("Message to the patient")
            if outgoing
            else _("Message from the patient"),
            body=row["t_body"],
            extra={"notice": _mail(row)},
        )
    if source == "request":
        clinician = _name(row["t_other_name"], row["t_other_user"], "—")
        return ThreadEntry(
            when=row["t_when"],
            kind="request",
            who=who,
            title=_("Assessment asked of %(clinician)s") % {"clinician": clinician},
            body=row["t_body"],
        )
    if source == "event":
        return ThreadEntry(
            when=row["t_when"],
            kind="event",
            who=who,
            title=row["t_title"],
            body=row["t_body"],
        )
    if source == "email":
        email = _mail(row)
        return ThreadEntry(
            when=email.sent_at or row["t_when"],
            kind="email",
            who=_("system"),
            title=_("E-mail “%(kind)s”: %(state)s")
            % {"kind": email.get_kind_display(), "state": email.state},
        )
    if row["t_when"] is None:  # a link still in force is not an event
        return None
    return ThreadEntry(
        when=row["t_when"],
        kind="event",
        who=who,
        title=_("Patient link %(link)d revoked") % {"link": row["t_id"]},
    )


def inquiry_thread(inquiry: Inquiry) -> Thread:
    """The conversation and the timeline in one list, oldest first (staff only),
    with the latest assessment and the number of patient links that still work."""
    rows = list(_union(inquiry))
    assessments = list(inquiry.assessments.select_related("superseded_by"))
    announced = {
        row["t_mail_id"]
        for row in rows
        if row["t_source"] == "message" and row["t_mail_id"] is not None
    }
    keyed = []
    for row in rows:
        if row["t_source"] == "email" and row["t_id"] in announced:
            continue
        entry = _entry(row)
        if entry is not None:
            keyed.append(((entry.when, RANK[row["t_source"]], row["t_id"]), entry))
    for assessment in assessments:
        entry = ThreadEntry(
            when=assessment.signed_at,
            kind="assessment",
            who=assessment.signed_name,
            title=_("Clinician's assessment"),
            obj=assessment,
            extra={"superseded": hasattr(assessment, "superseded_by")},
        )
        keyed.append(((entry.when, RANK["assessment"], assessment.pk), entry))
    now = timezone.now()
    return Thread(
        entries=[entry for _key, entry in sorted(keyed, key=lambda pair: pair[0])],
        current_assessment=max(
            assessments, key=lambda a: (a.signed_at, a.pk), default=None
        ),
        links_usable=sum(
            1
            for row in rows
            if row["t_source"] == "link"
            and row["t_when"] is None
            and row["t_until"] > now
        ),
    )
