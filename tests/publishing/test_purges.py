"""After a change, shared caches are told to forget the pages it replaced: the
purge is recorded, sent by a task, retried when it fails, and shown to staff."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from publishing.models import EdgePurge
from publishing.tasks import edge_purges_send_due
from tests.factories import SectionFactory, approve
from tests.publishing.stub_server import StubServer, edge_port

pytestmark = pytest.mark.django_db

PURGED = (200, b"Purged", "text/plain")
DOWN = (503, b"Backend fetch failed", "text/plain")


@pytest.fixture(scope="module")
def cache():
    """A stand-in Varnish: answers each PURGE or BAN as it is told."""
    with StubServer(edge_port(0)) as server:
        yield server


@pytest.fixture
def purging(settings, cache):
    settings.SITE_URL = "https://cancerfax.example.org"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "cancerfax.example.org"]
    settings.EDGE_PURGE_BACKEND = "http"
    settings.EDGE_PURGE_URLS = [cache.url]
    settings.EDGE_PURGE_METHOD = "PURGE"
    cache.reset(PURGED)
    return cache


def approved_guide():
    with override_settings(EDGE_PURGE_BACKEND=""):  # its first approval purges none
        guide = SectionFactory().guide
        approve(guide)
    return guide


def change(guide, title, capture):
    with capture(execute=True):
        guide.title = title
        guide.save()
        approve(guide)


def test_without_a_purge_backend_nothing_is_recorded(
    django_capture_on_commit_callbacks,
):
    change(approved_guide(), "A new title", django_capture_on_commit_callbacks)
    assert not EdgePurge.objects.exists()


def test_an_approval_purges_the_pages_it_replaced_with_the_site_host(
    client, purging, django_capture_on_commit_callbacks
):
    guide = approved_guide()
    path = guide.get_absolute_url()
    assert client.get("/guides/").status_code == 200  # stored, shows the guide
    purging.reset(PURGED)
    change(guide, "A new title", django_capture_on_commit_callbacks)
    sent = {(seen.method, seen.path, seen.headers["host"]) for seen in purging.seen}
    # The guide's own page in every language (a cache may keep each), and the
    # stored list that showed it.
    own = {path, f"/ar{path}", f"/zh-hans{path}"}
    assert sent == {
        *(("PURGE", address, "cancerfax.example.org") for address in own),
        ("PURGE", "/guides/", "cancerfax.example.org"),
    }
    purges = list(EdgePurge.objects.all())  # the save and the approval
    assert {path for purge in purges for path in purge.paths} == {*own, "/guides/"}
    for purge in purges:
        assert purge.purged_at is not None
        assert (purge.attempts, purge.last_error, str(purge.state)) == (1, "", "purged")


def test_ban_is_sent_when_chosen(purging, settings, django_capture_on_commit_callbacks):
    settings.EDGE_PURGE_METHOD = "BAN"
    change(approved_guide(), "Banned", django_capture_on_commit_callbacks)
    assert {seen.method for seen in purging.seen} == {"BAN"}


def test_a_failed_purge_is_recorded_and_retried_by_the_sweep_once_due(
    purging, django_capture_on_commit_callbacks
):
    purging.reset(DOWN, PURGED)
    change(approved_guide(), "Retried", django_capture_on_commit_callbacks)
    purge = EdgePurge.objects.get()
    assert purge.purged_at is None
    assert "503" in purge.last_error
    assert str(purge.state) == "failed, will retry"
    assert purge.next_attempt_at > timezone.now()
    assert edge_purges_send_due.call() == {"purged": 0, "failed": 0}  # not yet due
    EdgePurge.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert edge_purges_send_due.call() == {"purged": 1, "failed": 0}
    purge.refresh_from_db()
    assert purge.purged_at is not None
    assert (purge.attempts, purge.last_error) == (2, "")
    assert not EdgePurge.objects.failed().exists()


def test_a_cache_that_cannot_be_reached_is_a_recorded_failure(
    purging, settings, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9"]  # discard port: refused
    change(approved_guide(), "Unreachable", django_capture_on_commit_callbacks)
    purge = EdgePurge.objects.get()
    assert purge.purged_at is None
    assert "ConnectionRefusedError" in purge.last_error


def test_the_sweep_gives_up_after_the_last_attempt(
    purging, settings, django_capture_on_commit_callbacks
):
    purging.reset(DOWN)
    change(approved_guide(), "Given up", django_capture_on_commit_callbacks)
    for _ in range(settings.EDGE_PURGE_MAX_ATTEMPTS):
        EdgePurge.objects.update(next_attempt_at=timezone.now())
        edge_purges_send_due.call()
    purge = EdgePurge.objects.get()
    assert purge.attempts == settings.EDGE_PURGE_MAX_ATTEMPTS
    assert str(purge.state) == "gave up"
    assert len(purging.seen) == settings.EDGE_PURGE_MAX_ATTEMPTS


def failed_purge():
    return EdgePurge.objects.create(
        paths=["/guides/what-is-cik-therapy/"],
        backend="http",
        attempts=8,
        last_error="http://127.0.0.1:6081 answered 503 Service Unavailable",
    )


def test_editors_are_warned_on_the_admin_home_while_a_purge_fails(
    client, medical_editor, coordinator
):
    client.force_login(medical_editor)
    assert "cache purges failing" not in client.get(reverse("admin:index")).text
    failed_purge()
    html = client.get(reverse("admin:index")).text
    assert "cache purges failing" in html
    url = reverse("admin:publishing_edgepurge_changelist") + "?state=failed"
    assert f'<a href="{url}"><strong class="home-panel__count">1</strong>' in html
    client.force_login(coordinator)
    assert "cache purges failing" not in client.get(reverse("admin:index")).text


def test_the_purge_list_shows_why_and_retries_now(
    client, medical_editor, purging, django_capture_on_commit_callbacks
):
    purge = failed_purge()
    client.force_login(medical_editor)
    url = reverse("admin:publishing_edgepurge_changelist")
    listing = client.get(url, {"state": "failed"})
    assert listing.status_code == 200
    assert "answered 503 Service Unavailable" in listing.text
    assert "gave up" in listing.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "retry_now", "_selected_action": [purge.pk]}, follow=True
        )
    assert "1 purge(s) queued to be sent now." in response.text
    purge.refresh_from_db()
    assert purge.purged_at is not None
    assert [(seen.method, seen.path) for seen in purging.seen] == [
        ("PURGE", "/guides/what-is-cik-therapy/")
    ]
    single = client.get(reverse("admin:publishing_edgepurge_change", args=[purge.pk]))
    assert single.status_code == 200
    assert 'name="last_error"' not in single.text  # values only, no form


def test_the_purge_list_costs_the_same_queries_for_2_or_20_purges(
    client, medical_editor
):
    client.force_login(medical_editor)
    url = reverse("admin:publishing_edgepurge_changelist")

    def queries_for(count):
        EdgePurge.objects.all().delete()
        for _ in range(count):
            failed_purge()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_for(2) == queries_for(20)
