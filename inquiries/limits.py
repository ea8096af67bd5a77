"""Per-connection limits that hold when requests arrive in parallel.

Counting rows and then inserting lets every parallel request see the same count
(60 of 60 parallel posts got through a limit of 5). Here each connection has one
counter row per fixed time window, raised by a conditional ``UPDATE ... WHERE
used + n <= limit``: the database applies those one at a time on the row, so
exactly the limit gets through. Call ``limit_claim`` inside the transaction that
stores what it counts, so a rollback gives the units back.

The one rate-limit scheme of the site: apps built on inquiries (casework's
secure links) count here too, each under its own scope string.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cancerfax.net import client_address

from .models import RateCounter

INQUIRIES = "inquiries"
STAGED_FILES = "staged_files"


def client_ip_hash(request) -> str:
    """A keyed hash of the client's address: enough to count, useless to trace."""
    address = client_address(request)
    return salted_hmac("inquiries.ip", address).hexdigest() if address else ""


def window_start(now: datetime | None = None) -> datetime:
    """The start of the fixed window ``now`` falls in (aligned to the epoch)."""
    seconds = settings.INQUIRY_RATE_LIMIT_WINDOW_MINUTES * 60
    stamp = int((now or timezone.now()).timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=UTC)


def limit_claim(*, scope: str, key: str, amount: int, limit: int) -> bool:
    """Take ``amount`` units of the connection's ``limit``; False if they don't fit.

    A connection without a fingerprint (no address) is not limited, as before.
    """
    if not key:
        return True
    start = window_start()
    RateCounter.objects.bulk_create(
        [RateCounter(scope=scope, key=key, window_start=start)],
        ignore_conflicts=True,
    )
    taken = RateCounter.objects.filter(
        scope=scope, key=key, window_start=start, used__lte=limit - amount
    ).update(used=F("used") + amount)
    return taken == 1


def limit_reached(*, scope: str, key: str, limit: int) -> bool:
    """A cheap early answer (no lock) before any work is done for the request."""
    if not key:
        return False
    used = (
        RateCounter.objects.filter(scope=scope, key=key, window_start=window_start())
        .values_list("used", flat=True)
        .first()
    )
    return (used or 0) >= limit


def limit_counters_delete_old(*, dry_run: bool = False) -> int:
    """Delete counters of windows that ended more than a day ago."""
    old = RateCounter.objects.filter(
        window_start__lt=window_start() - timedelta(days=1)
    )
    count = old.count()
    if not dry_run:
        old.delete()
    return count
