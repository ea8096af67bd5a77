"""The optional RQ task backend (requirements-rq.txt); skipped where it is not
installed, run in CI (.ci/run installs it)."""

import pytest
from django.core import mail

from inquiries.models import OutboxEmail

django_rq = pytest.importorskip("django_rq")
Job = pytest.importorskip("django_tasks_rq.backend").Job
SimpleWorker = pytest.importorskip("rq").SimpleWorker

pytestmark = pytest.mark.django_db


def test_the_rq_backend_sends_through_a_redis_worker(
    settings, make_inquiry, django_capture_on_commit_callbacks
):
    """TASKS_BACKEND=rq: the same task, queued in Redis, run by an RQ worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    queue = django_rq.get_queue("default", job_class=Job)
    queue.connection.ping()  # CI starts Redis; a missing server fails here
    queue.empty()
    with django_capture_on_commit_callbacks(execute=True):
        make_inquiry()
    assert mail.outbox == []
    assert queue.count == 2  # the e-mails and the deep file check
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    assert len(mail.outbox) == 2
    assert not OutboxEmail.objects.filter(sent_at__isnull=True).exists()
