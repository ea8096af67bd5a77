"""Background work for inquiries, on Django's tasks API (the django-tasks backport).

Requests only enqueue: e-mails leave from a worker (``manage.py db_worker``, or
``rqworker`` with the RQ backend), so a slow mail server never stalls a page.
The outbox stays the record of every message and its conditional-UPDATE claim
keeps sending exactly-once between workers; these tasks only say "send now".
The periodic ones are enqueued by ``manage.py run_schedule``
(``SCHEDULED_TASKS``).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .limits import limit_counters_delete_old
from .outbox import outbox_send_pending
from .quarantine import held_submissions_delete_expired
from .retention import (
    inquiries_expired,
    inquiry_delete,
    orphan_files_delete,
    staged_files_delete_stale,
)
from .scanning import inquiry_files_deep_scan, lost_checks_requeue


@task()
def outbox_send(ids: list[int]) -> dict:
    """Send the given outbox messages now (enqueued when an inquiry commits)."""
    report = outbox_send_pending(ids=ids)
    return {"sent": report.sent, "failed": report.failed}


@task()
def outbox_send_due(limit: int = 200) -> dict:
    """Send every message that is due: first tries missed by ``outbox_send``, and
    retries of failures once their delay has passed. Scheduled every minute."""
    report = outbox_send_pending(limit=limit)
    return {"sent": report.sent, "failed": report.failed}


@task()
def inquiry_files_check(inquiry_id: int) -> None:
    """Deep-check an inquiry's files not yet checked (enqueued on commit)."""
    inquiry_files_deep_scan(inquiry_id)


@task()
def inquiry_files_check_lost() -> dict:
    """Queue again the deep checks lost to a dead worker or a queue that was down:
    files unchecked INQUIRY_SCAN_RETRY_MINUTES after they were queued. Scheduled
    every five minutes."""
    older_than = timezone.now() - timedelta(minutes=settings.INQUIRY_SCAN_RETRY_MINUTES)
    return {"inquiries": lost_checks_requeue(older_than=older_than)}


@task()
def staged_uploads_clean() -> dict:
    """Delete staged files of forms never sent, held submissions nobody released,
    old rate counters, and stored files no row knows (as ``clean_staged_uploads``)."""
    now = timezone.now()
    staged = staged_files_delete_stale(
        older_than=now - timedelta(hours=settings.INQUIRY_STAGED_FILE_HOURS)
    )
    held = held_submissions_delete_expired(
        older_than=now - timedelta(days=settings.INQUIRY_HELD_DAYS)
    )
    limit_counters_delete_old()
    orphans = orphan_files_delete(older_than=now - timedelta(hours=1))
    return {"staged": staged, "held": held, "orphans": len(orphans)}


@task()
def closed_inquiries_delete() -> dict:
    """Delete inquiries closed longer ago than INQUIRY_RETENTION_MONTHS."""
    deleted = 0
    # One transaction per inquiry (inside ``inquiry_delete``): an interrupted
    # run keeps what it did and the next one carries on.
    for inquiry in inquiries_expired(
        months=settings.INQUIRY_RETENTION_MONTHS
    ).iterator():
        inquiry_delete(inquiry=inquiry)
        deleted += 1
    return {"deleted": deleted}
