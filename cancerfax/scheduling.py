"""Periodic background work: one scheduler entry enqueues every periodic task.

``SCHEDULED_TASKS`` maps a name to a task's dotted path, an interval in minutes
and optional keyword arguments. ``schedule_run_due`` (the ``run_schedule``
command, from cron every minute or looping beside a worker) enqueues each task
whose interval has passed since it was last enqueued. The claim is a
conditional UPDATE on ``ScheduledTaskRun``, so any number of servers may run
the schedule: each due task is enqueued once.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledTaskRun


@dataclass(frozen=True)
class ScheduledTask:
    name: str
    task_path: str
    every: timedelta
    kwargs: dict


def scheduled_tasks() -> list[ScheduledTask]:
    return [
        ScheduledTask(
            name=name,
            task_path=entry["task"],
            every=timedelta(minutes=entry["minutes"]),
            kwargs=entry.get("kwargs", {}),
        )
        for name, entry in settings.SCHEDULED_TASKS.items()
    ]


def _due_before(entry: ScheduledTask, now: datetime) -> datetime:
    # Half a minute of slack: a cron minute that fires a little early still
    # counts as the next minute.
    return now - entry.every + timedelta(seconds=30)


def _claim(entry: ScheduledTask, now: datetime) -> bool:
    ScheduledTaskRun.objects.get_or_create(name=entry.name)
    return (
        ScheduledTaskRun.objects.filter(name=entry.name)
        .filter(
            Q(last_enqueued_at__isnull=True)
            | Q(last_enqueued_at__lte=_due_before(entry, now))
        )
        .update(last_enqueued_at=now)
        == 1
    )


def schedule_run_due(*, now: datetime | None = None, dry_run: bool = False) -> list:
    """Enqueue every scheduled task that is due; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for entry in scheduled_tasks():
        task = import_string(entry.task_path)
        if dry_run:
            due = ScheduledTaskRun.objects.filter(
                name=entry.name, last_enqueued_at__gt=_due_before(entry, now)
            )
            if not due.exists():
                enqueued.append(entry.name)
            continue
        # Claim and enqueue together: if the queue refuses the task, the claim
        # rolls back and the next run tries again.
        with transaction.atomic():
            if not _claim(entry, now):
                continue
            task.enqueue(**entry.kwargs)
        enqueued.append(entry.name)
    return enqueued
