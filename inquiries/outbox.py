"""The outbox: storing every e-mail that leaves (``outbox_email_queue``) and
sending it.

Messages are written in the same transaction as the inquiry, so an inquiry never
exists without its e-mails and a rolled-back inquiry sends nothing. Sending
happens in background tasks (``inquiries.tasks``): one enqueued when the inquiry
commits, and a scheduled sweep that retries failures with a growing delay.

A message is claimed with a conditional UPDATE before it is sent, so two senders
(two workers, or a worker and ``send_outbox``) never send it twice. A crash
between sending and recording it can still repeat it once after the claim
expires: e-mail is at-least-once, and these messages are harmless to repeat.
"""

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Inquiry, OutboxEmail
from .patient_emails import patient_email_render, site_context

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_DELAY_MINUTES = 6 * 60


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=min(2**attempts, MAX_DELAY_MINUTES))


def outbox_send_pending(*, ids=None, limit: int = 100) -> SendReport:
    """Send due messages (only ``ids`` if given); record each success or failure."""
    report = SendReport()
    queryset = OutboxEmail.objects.pending()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    candidates = list(queryset.order_by("next_attempt_at", "pk")[:limit])
    if not candidates:
        return report
    connection = get_connection(fail_silently=False)
    for email in candidates:
        if not OutboxEmail.objects.claim(email, seconds=CLAIM_SECONDS):
            continue
        if _send(email, connection):
            report.sent += 1
        else:
            report.failed += 1
    return report


def _send(email: OutboxEmail, connection) -> bool:
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipients,
        connection=connection,
    )
    try:
        message.send()
    except Exception as error:
        # Any backend error (SMTP, DNS, TLS, timeouts) is recorded and retried.
        email.refresh_from_db(fields=["attempts"])
        OutboxEmail.objects.record_failure(
            email,
            f"{type(error).__name__}: {error}",
            delay=retry_delay(email.attempts),
        )
        logger.warning("Outbox e-mail %s failed: %s", email.pk, type(error).__name__)
        return False
    OutboxEmail.objects.record_success(email)
    return True


def outbox_enqueue_on_commit(*, ids: list[int]) -> None:
    """Ask a worker to send these messages once the transaction commits.

    ``robust``: a task queue that is down loses nothing, because the scheduled
    ``outbox_send_due`` sweep sends every due message anyway.
    """
    from .tasks import outbox_send  # tasks import this module

    # A named function, not a partial: Django logs a robust callback's failure
    # by its __qualname__, which a partial lacks.
    def enqueue_outbox_send():
        outbox_send.enqueue(ids=ids)

    transaction.on_commit(enqueue_outbox_send, robust=True)


@transaction.atomic
def outbox_retry(*, emails: Sequence[OutboxEmail]) -> int:
    """Queue unsent messages for sending now, even those the retry schedule gave
    up on; a worker sends them. Returns how many were queued."""
    ids = OutboxEmail.objects.retry_now(emails)
    if ids:
        outbox_enqueue_on_commit(ids=ids)
    return len(ids)


def outbox_mark_sent_unsent(*, inquiries: Iterable[Inquiry]) -> int:
    """Record these inquiries' unsent e-mails as sent, without sending them.

    For demo content only: its addresses are invented, and a worker must not try
    them. Returns how many were marked.
    """
    return OutboxEmail.objects.filter(
        inquiry__in=list(inquiries), sent_at__isnull=True
    ).update(sent_at=timezone.now())


def outbox_email_queue(
    *,
    inquiry: Inquiry,
    kind: str,
    recipients: Iterable[str],
    subject: str,
    template: str,
    context: Mapping[str, Any],
    send_on_commit: bool = True,
    language: str | None = None,
) -> OutboxEmail:
    """Store an e-mail about ``inquiry`` in the outbox, rendered from ``template``.

    The outbox is the record of every e-mail that leaves, whichever app writes
    it. With ``language`` (an e-mail to the patient) it is written in that
    language where a translation exists, else in English with a line saying so
    (``patient_emails``). With ``send_on_commit`` (and
    ``INQUIRY_OUTBOX_SEND_ON_COMMIT``) a worker is asked to send it once the
    transaction commits; the scheduled sweep sends it in any case.
    """
    context = {**site_context(inquiry), **context}
    if language is None:
        body = render_to_string(template, context)
    else:
        subject, body = patient_email_render(
            template=template, language=language, subject=subject, context=context
        )
    email = OutboxEmail(
        inquiry=inquiry,
        kind=kind,
        recipients=list(recipients),
        subject=subject,
        body=body,
    )
    email.full_clean()
    email.save()
    if send_on_commit and settings.INQUIRY_OUTBOX_SEND_ON_COMMIT:
        outbox_enqueue_on_commit(ids=[email.pk])
    return email
