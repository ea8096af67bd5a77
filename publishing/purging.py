"""Purging shared caches after a change: recorded, sent by tasks, retried.

``purge_queue`` runs inside the transaction that invalidated stored pages: the
``EdgePurge`` row commits or rolls back with the change. After the commit a
task sends it; a purge that fails is tried again by the scheduled sweep with a
growing delay, and every failure stays visible to staff (the cache purges list,
a warning on the admin home) until a purge succeeds. A purge is claimed with a
conditional UPDATE, so two workers never send one twice at once.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from .edge import PurgeError, purge_backend, purge_backend_name
from .models import EdgePurge

logger = logging.getLogger(__name__)

CLAIM_SECONDS = 120
MAX_DELAY_MINUTES = 60


@dataclass
class PurgeReport:
    purged: int = 0
    failed: int = 0


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** (attempts - 1), MAX_DELAY_MINUTES))


def purge_queue(paths) -> EdgePurge | None:
    """Record a purge of ``paths`` and send it once the transaction commits.

    Nothing happens without ``EDGE_PURGE_BACKEND``: with no shared cache to
    purge there is nothing to record.
    """
    backend = purge_backend_name()
    paths = sorted(set(paths))
    if not backend or not paths:
        return None
    purge = EdgePurge.objects.create(paths=paths, backend=backend)
    _send_on_commit([purge.pk])
    return purge


def _send_on_commit(ids):
    from .tasks import edge_purge_send  # tasks import this module

    # Robust: a queue that is down must not undo the approval; the sweep sends it.
    def enqueue_edge_purge_send():
        edge_purge_send.enqueue(ids=ids)

    transaction.on_commit(enqueue_edge_purge_send, robust=True)


def purges_send_pending(*, ids=None, limit: int = 50) -> PurgeReport:
    """Send due purges (only ``ids`` if given); record each success or failure."""
    report = PurgeReport()
    queryset = EdgePurge.objects.pending()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    for purge in queryset.order_by("next_attempt_at", "pk")[:limit]:
        if not EdgePurge.objects.claim(purge, seconds=CLAIM_SECONDS):
            continue
        if _send(purge):
            report.purged += 1
        else:
            report.failed += 1
    return report


def _send(purge: EdgePurge) -> bool:
    try:
        purge_backend(purge.backend).purge(
            purge.paths, reference=f"cancerfax-purge-{purge.pk}"
        )
    except (PurgeError, KeyError) as error:
        EdgePurge.objects.record_failure(
            purge,
            str(error) or type(error).__name__,
            delay=retry_delay(purge.attempts + 1),  # the claim counted one more
        )
        logger.warning("Cache purge %s failed: %s", purge.pk, error)
        return False
    EdgePurge.objects.record_success(purge)
    return True


@transaction.atomic
def purges_retry(*, purges) -> int:
    """Queue purges not done for sending now, even those the schedule gave up
    on; a worker sends them. Returns how many were queued."""
    ids = EdgePurge.objects.retry_now(purges)
    if ids:
        _send_on_commit(ids)
    return len(ids)
