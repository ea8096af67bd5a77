"""Background work: requests only enqueue; workers send each e-mail once."""

import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cancerfax.models import ScheduledTaskRun
from inquiries.models import OutboxEmail
from inquiries.tasks import outbox_send, outbox_send_due

from .test_submit import post

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db


def database_url(settings_dict) -> str:
    """The test database, for worker processes (PostgreSQL or an SQLite file)."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    return "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**settings_dict)


def test_a_submission_only_enqueues_and_a_worker_sends_the_emails(
    client, form_data, database_tasks, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data)
    assert response.status_code == 302
    assert mail.outbox == []  # nothing was sent inside the request
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {
        "inquiries.tasks.outbox_send",
        "inquiries.tasks.inquiry_files_check",  # the deep file check, also queued
    }
    assert OutboxEmail.objects.filter(sent_at__isnull=True).count() == 2

    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinators@example.org",
        "daughter@example.com",
    ]
    assert not OutboxEmail.objects.filter(sent_at__isnull=True).exists()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_task_queue_that_is_down_loses_no_inquiry_and_the_sweep_sends(
    client,
    form_data,
    database_tasks,
    django_capture_on_commit_callbacks,
    monkeypatch,
    run_worker,
):
    def queue_down(*args, **kwargs):
        raise ConnectionError("queue unavailable")

    with monkeypatch.context() as patched:
        patched.setattr(type(outbox_send), "enqueue", queue_down)
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, form_data)
    assert response.status_code == 302
    assert OutboxEmail.objects.filter(sent_at__isnull=True).count() == 2
    assert not DBTaskResult.objects.exists()

    call_command("run_schedule", verbosity=0)
    run_worker()
    assert len(mail.outbox) == 2


def test_the_schedule_enqueues_each_periodic_task_once_per_interval(
    database_tasks, run_worker
):
    call_command("run_schedule", verbosity=0)
    first = Counter(DBTaskResult.objects.values_list("task_path", flat=True))
    assert first == {
        "inquiries.tasks.outbox_send_due": 1,
        "inquiries.tasks.staged_uploads_clean": 1,
        "inquiries.tasks.closed_inquiries_delete": 1,
        "inquiries.tasks.inquiry_files_check_lost": 1,
        "reviews.tasks.review_reminders_send": 1,
    }
    call_command("run_schedule", verbosity=0)  # a second server, same minute
    assert DBTaskResult.objects.count() == 5
    run_worker()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_task_is_enqueued_again_once_its_interval_has_passed(database_tasks):
    call_command("run_schedule", verbosity=0)
    ScheduledTaskRun.objects.update(
        last_enqueued_at=timezone.now() - timedelta(minutes=2)
    )
    DBTaskResult.objects.all().delete()
    call_command("run_schedule", verbosity=0)
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "inquiries.tasks.outbox_send_due"  # every minute; the others wait
    ]


def test_the_schedule_dry_run_enqueues_nothing(database_tasks, capsys):
    call_command("run_schedule", dry_run=True)
    assert "send_outbox" in capsys.readouterr().out
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_send_each_message_exactly_once(
    make_inquiry, database_tasks, settings, tmp_path
):
    settings.INQUIRY_OUTBOX_SEND_ON_COMMIT = False
    inquiries = [make_inquiry() for _ in range(20)]
    ids = list(OutboxEmail.objects.values_list("pk", flat=True))
    # Overlapping work, as in production ("retry now" clicks, sweeps): each
    # inquiry's e-mails are enqueued twice in a row, so the two workers pick up
    # tasks for the same messages at the same moment, and sweeps cover them too.
    for number, inquiry in enumerate(inquiries):
        pair = list(inquiry.emails.values_list("pk", flat=True))
        outbox_send.enqueue(ids=pair)
        outbox_send.enqueue(ids=pair)
        if number % 5 == 0:
            outbox_send_due.enqueue()
    sending = DBTaskResult.objects.filter(
        task_path__startswith="inquiries.tasks.outbox"
    )
    assert sending.count() == 44

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cancerfax.settings.base",
        "DATABASE_URL": database_url(connection.settings_dict),
        "DEBUG": "false",
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "tests.inquiries.mailbackends.SlowFileBackend",
        "TEST_MAIL_DIR": str(tmp_path),
        "INQUIRY_PRIVATE_ROOT": str(tmp_path / "private"),
    }
    command = [
        sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0",
        "--no-startup-delay", "--no-reload", "-v", "0",
    ]  # fmt: skip
    workers = [
        subprocess.Popen([*command, "--worker-id", f"worker-{n}"], cwd=ROOT, env=env)
        for n in (1, 2)
    ]
    for worker in workers:
        assert worker.wait(timeout=120) == 0

    sent = Counter(path.read_text() for path in tmp_path.glob("*.txt"))
    assert len(sent) == len(ids) == 40
    assert set(sent.values()) == {1}  # each message exactly once
    assert not OutboxEmail.objects.filter(sent_at__isnull=True).exists()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    workers_used = {w for ids in DBTaskResult.objects.values_list(
        "worker_ids", flat=True) for w in ids}  # fmt: skip
    assert workers_used == {"worker-1", "worker-2"}  # both really worked
