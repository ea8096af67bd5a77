"""Re-render throughput: change a glossary term that every generated guide shows
and time until every stored guide page shows the change.

Run against a prepared database (``load_demo`` and ``bench.volume --guides N``),
with the task workers of the set-up running (``manage.py db_worker``)::

    python -m bench.rerender

Once the queue is idle, renders and stores every generated guide in this process
(timed: what one worker does), then approves a new definition of the term and
polls the stored pages until each generated guide's copy carries it. Prints both
times.
"""

import argparse
import os
import time
import uuid

import django


def generated_guide_paths() -> list[str]:
    from guides.models import Guide

    return [
        guide.get_absolute_url()
        for guide in Guide.objects.filter(slug__startswith="bench-guide-")
    ]


def showing(paths, words) -> int:
    from publishing.models import StoredPage

    return StoredPage.objects.filter(path__in=paths, body__contains=words).count()


def pending_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.db import transaction

    from bench.volume import bench_term
    from publishing.store import page_forget
    from publishing.tasks import render_pages
    from tests.factories import approve

    paths = generated_guide_paths()
    # The worker first finishes what the set-up queued (renders after
    # ``load_demo`` and the generated approvals): nothing else runs beside the
    # timed steps.
    started = time.monotonic()
    while pending_tasks() and time.monotonic() - started < args.timeout:
        time.sleep(0.5)

    page_forget(paths)
    started, cpu = time.monotonic(), time.process_time()
    statuses = render_pages(paths)
    elapsed = time.monotonic() - started
    cpu = (time.process_time() - cpu) * 1000 / max(len(paths), 1)
    assert set(statuses.values()) == {200}, statuses
    print(f"render and store {len(paths):,} guides in this process: {elapsed:.1f} s "
          f"({cpu:.1f} ms CPU each)")  # fmt: skip

    term = bench_term()
    words = f"Changed for the benchmark {uuid.uuid4().hex[:8]}."
    with transaction.atomic():
        term.definition = words
        term.save()
        approve(term)
    changed = time.monotonic()
    seen = showing(paths, words)
    while seen < len(paths) and time.monotonic() - changed < args.timeout:
        time.sleep(0.25)
        seen = showing(paths, words)
    elapsed = time.monotonic() - changed
    print(f"glossary term changed: {seen:,} of {len(paths):,} stored guides show it "
          f"after {elapsed:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
