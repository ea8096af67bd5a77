"""Coordinator pages at volume, through Django's test client with a coordinator
logged in: p50 and SQL queries per page, CSV export rows/s and peak memory.

    DJANGO_SETTINGS_MODULE=... python -m bench.coordinator [--repeat 7]

Run against a database filled by ``bench.volume``. Prints figures only.
"""

import argparse
import os
import resource
import statistics
import time

import django

QUEUE = "/admin/inquiries/inquiry/"


def pages(sample):
    return [
        ("queue, default order", QUEUE),
        ("queue, status filter", f"{QUEUE}?status__exact=new"),
        ("queue, assignee: mine", f"{QUEUE}?assignee=mine"),
        ("queue, assignee: none", f"{QUEUE}?assignee=none"),
        ("queue, cancer type", f"{QUEUE}?cancer_type__id__exact={sample.ct}"),
        ("queue, country", f"{QUEUE}?country=NG"),
        ("queue, received 7 days", f"{QUEUE}?received_at__gte={sample.week}"),
        ("queue, overdue", f"{QUEUE}?overdue=yes"),
        ("queue, not overdue", f"{QUEUE}?overdue=no"),
        ("queue, priority", f"{QUEUE}?priority__exact=1"),
        (f"queue, page {sample.deep_page + 1:,}", f"{QUEUE}?p={sample.deep_page}"),
        ("queue, search reference", f"{QUEUE}?q={sample.reference}"),
        ("queue, search e-mail", f"{QUEUE}?q={sample.email}"),
        ("queue, search phone", f"{QUEUE}?q={sample.phone.replace('+', '%2B')}"),
        ("inquiry page", f"{QUEUE}{sample.pk}/change/"),
        ("dashboard", f"{QUEUE}dashboard/"),
    ]


class Sample:
    def __init__(self):
        from django.utils import timezone

        from inquiries.models import Inquiry

        with_type = Inquiry.objects.filter(cancer_type__isnull=False).order_by("pk")
        inquiry = with_type[with_type.count() // 2]  # one from the middle
        # Page 1,000 (?p=999 counts from 0), or the last page of a smaller queue.
        self.deep_page = min(999, Inquiry.objects.count() // 50 - 1)
        self.pk = inquiry.pk
        self.ct = inquiry.cancer_type_id
        self.reference = inquiry.reference
        self.email = inquiry.email
        self.phone = inquiry.phone
        self.week = (timezone.now() - timezone.timedelta(days=7)).strftime("%Y-%m-%d")


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                for _chunk in response.streaming_content:
                    pass
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000, len(queries)


def export(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(f"{QUEUE}export/")
        rows = size = 0
        for chunk in response.streaming_content:
            rows += chunk.count(b"\n")
            size += len(chunk)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rows - 1, size, seconds, len(queries), before, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.volume import coordinator_session_key
    from inquiries.models import Inquiry

    client = Client()
    # A signed-in session with a verified one-time-code device, as production
    # requires of staff (force_login would be sent to the two-factor setup).
    client.cookies[settings.SESSION_COOKIE_NAME] = coordinator_session_key()
    sample = Sample()
    print(f"coordinator pages, {Inquiry.objects.count():,} inquiries, "
          f"test client, p50 of {args.repeat}")  # fmt: skip
    print(f"{'page':28} {'p50 ms':>8} {'SQL':>5}")
    for name, url in pages(sample):
        client.get(url)  # warm
        p50, queries = measure(client, url, args.repeat)
        print(f"{name:28} {p50:8.1f} {queries:5d}")
    rows, size, seconds, queries, before, peak = export(client)
    print(
        f"CSV export: {rows:,} rows, {size / 1e6:.1f} MB in {seconds:.2f} s = "
        f"{rows / seconds:,.0f} rows/s, {queries} SQL; peak RSS "
        f"{before / 1024:.0f} MB before, {peak / 1024:.0f} MB after"
    )


if __name__ == "__main__":
    main()
