"""After an approval, stored pages are rendered again by a task worker, not in the
approver's request."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from faq.models import FaqEntry
from publishing.models import StoredPage
from reviews.capture import version_capture
from tests.factories import FaqEntryFactory, approve

pytestmark = pytest.mark.django_db


def test_an_approval_enqueues_the_render_and_a_worker_stores_the_page(
    client, database_tasks, django_capture_on_commit_callbacks
):
    entry = FaqEntryFactory(question="Is CIK therapy safe?")
    approve(entry)
    client.get("/faq/")  # stored once
    assert StoredPage.objects.filter(path="/faq/").exists()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        FaqEntry.objects.filter(pk=entry.pk).update(question="Is CIK safe for me?")
        entry.refresh_from_db()
        version_capture(obj=entry, user=None)
        approve(entry)
    assert not StoredPage.objects.filter(path="/faq/").exists()  # forgotten
    queued = DBTaskResult.objects.get(task_path="publishing.tasks.pages_render")
    assert "/faq/" in queued.args_kwargs["args"][0]

    call_command("db_worker", batch=True, interval=0, startup_delay=False,
                 reload=False, verbosity=0)  # fmt: skip
    stored = StoredPage.objects.get(path="/faq/")
    assert "Is CIK safe for me?" in stored.body


def test_a_worker_that_cannot_render_records_the_task_as_failed(
    client, settings, database_tasks, run_worker, django_capture_on_commit_callbacks
):
    """SITE_URL's host missing from ALLOWED_HOSTS: every page answers 400. The
    task fails, naming the pages, instead of recording a success."""
    entry = FaqEntryFactory(question="Is CIK therapy safe?")
    approve(entry)
    client.get("/faq/")  # stored, so the approval renders it again
    settings.SITE_URL = "https://www.cancerfax.example"
    settings.ALLOWED_HOSTS = ["testserver"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        FaqEntry.objects.filter(pk=entry.pk).update(question="Is CIK safe for me?")
        entry.refresh_from_db()
        version_capture(obj=entry, user=None)
        approve(entry)
    run_worker()
    result = DBTaskResult.objects.get(task_path="publishing.tasks.pages_render")
    assert result.status == "FAILED"
    assert "/faq/ (400)" in result.exception_class_path + str(result.traceback)
    assert not StoredPage.objects.filter(path="/faq/").exists()


def test_a_page_that_is_gone_is_not_a_failure(settings, database_tasks, run_worker):
    from publishing.tasks import pages_render

    pages_render.enqueue(["/faq/", "/guides/no-such-guide/"])
    run_worker()
    result = DBTaskResult.objects.get(task_path="publishing.tasks.pages_render")
    assert result.status == "SUCCESSFUL"
    assert result.return_value == {"/faq/": 200, "/guides/no-such-guide/": 404}
