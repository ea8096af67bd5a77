"""Stored hits answered before Django's request handling (publishing/wsgi.py):
the same status, headers and bytes as the live page, for the same request facts
only, and never once the stored page changed."""

import io
import sys
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from faq.models import FaqEntry
from publishing.models import StoredPage
from publishing.wsgi import StoredPageApplication, _answers
from tests.factories import FaqEntryFactory, SectionFactory, SectionItemFactory, approve
from tests.test_stored_page_headers import EXAMPLES, redis_cache  # noqa: F401

pytestmark = pytest.mark.django_db


class Django:
    """Django's WSGI application, counting the requests that reach it; made at
    the first request, after a test's settings (the middleware reads them once)."""

    def __init__(self):
        self.handler = None
        self.requests = 0

    def __call__(self, environ, start_response):
        self.handler = self.handler or WSGIHandler()
        self.requests += 1
        return self.handler(environ, start_response)


@pytest.fixture
def app(module_demo):
    _answers.forget()
    django = Django()
    yield StoredPageApplication(django), django
    _answers.forget()


@contextmanager
def in_the_test_transaction():
    # As Django's test client: a request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(application, path, **environ):
    request = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **environ,
    }
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=status, headers=headers)

    with in_the_test_transaction():
        body = application(request, start_response)
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
    return answered["status"], answered["headers"], content


def live_then_replayed(app, path, **environ):
    """The live render, then requests until one is replayed (the first hit reads
    the stored row, the next is this process's copy, whose answer is kept)."""
    application, django = app
    StoredPage.objects.filter(path=path).delete()
    cache.clear()
    live = call(application, path, **environ)
    assert StoredPage.objects.filter(path=path).exists(), "the render was stored"
    for _ in range(2):
        call(application, path, **environ)
    reached = django.requests
    replayed = call(application, path, **environ)
    assert django.requests == reached, "answered without Django"
    return live, replayed


@pytest.mark.parametrize("path", EXAMPLES.values())
def test_a_replayed_hit_is_the_live_page_header_for_header(app, path):
    live, replayed = live_then_replayed(app, path)
    assert replayed[0] == live[0] == "200 OK"
    assert replayed[2] == live[2]
    assert dict(replayed[1]) == dict(live[1])
    assert len(replayed[1]) == len(live[1])


def test_each_language_is_replayed_as_its_own_page(app):
    """The language is in the address: an Arabic replay is the Arabic live page
    (its Content-Language too) and never answers the English address."""
    english = EXAMPLES["guides:detail"]
    live, replayed = live_then_replayed(app, "/ar" + english)
    assert dict(replayed[1]) == dict(live[1])
    assert dict(replayed[1])["Content-Language"] == "ar"
    assert b'<html lang="ar" dir="rtl">' in replayed[2]
    assert dict(call(app[0], english)[1])["Content-Language"] == "en-gb"


def test_https_is_a_request_fact_of_its_own(app, settings):
    """HSTS is sent over HTTPS only: a replay for one scheme never answers the other."""
    settings.SECURE_HSTS_SECONDS = 3600
    path = EXAMPLES["guides:detail"]
    live, replayed = live_then_replayed(app, path, **{"wsgi.url_scheme": "https"})
    assert dict(replayed[1]) == dict(live[1])
    assert dict(replayed[1])["Strict-Transport-Security"] == "max-age=3600"
    plain = call(app[0], path)
    assert "Strict-Transport-Security" not in dict(plain[1])


@pytest.mark.parametrize(
    "environ",
    [
        {"HTTP_COOKIE": "csrftoken=abc"},
        {"QUERY_STRING": "q=cik"},
        {"REQUEST_METHOD": "HEAD"},
        {"HTTP_IF_NONE_MATCH": '"anything"'},
        {"HTTP_HOST": "elsewhere.example"},
    ],
    ids=["cookie", "query", "head", "conditional", "host"],
)
def test_other_requests_reach_django(app, environ):
    application, django = app
    path = EXAMPLES["guides:detail"]
    live_then_replayed(app, path)
    reached = django.requests
    status, _, _ = call(application, path, **environ)
    assert django.requests == reached + 1
    if "HTTP_HOST" in environ:
        assert status.startswith("400"), "the host check still applies"


def guide_showing_an_answer(text):
    entry = FaqEntryFactory(answer=f"<p>{text}</p>")
    approve(entry)
    section = SectionFactory(kind="faq", heading="Questions")
    SectionItemFactory(section=section, faq_entry=entry)
    approve(section.guide)
    return entry, section.guide.get_absolute_url()


def test_an_approval_ends_the_replay(app):
    entry, path = guide_showing_an_answer("The approved answer.")
    _, replayed = live_then_replayed(app, path)
    assert b"The approved answer." in replayed[2]
    FaqEntry.objects.filter(pk=entry.pk).update(answer="<p>A newer answer.</p>")
    approve(FaqEntry.objects.get(pk=entry.pk))
    _, _, body = call(app[0], path)
    assert b"A newer answer." in body
    assert b"The approved answer." not in body


@pytest.mark.usefixtures("redis_cache")  # the header tests' Redis, keys of its own
def test_with_a_shared_cache_a_replay_costs_no_query_and_ends_on_approval(app):
    entry, path = guide_showing_an_answer("The approved answer.")
    live_then_replayed(app, path)
    with CaptureQueriesContext(connection) as queries:
        status, _, body = call(app[0], path)
    assert status == "200 OK"
    assert len(queries) == 0, [query["sql"] for query in queries]
    FaqEntry.objects.filter(pk=entry.pk).update(answer="<p>A newer answer.</p>")
    approve(FaqEntry.objects.get(pk=entry.pk))
    _, _, body = call(app[0], path)
    assert b"A newer answer." in body


def test_the_site_answers_stored_pages_before_django(module_demo):
    """gunicorn serves cancerfax.wsgi: the replay is around Django's handler there."""
    from cancerfax.wsgi import application

    assert isinstance(application, StoredPageApplication)
    assert isinstance(application.application, WSGIHandler)


@pytest.mark.error_tracking
def test_with_error_tracking_on_a_stored_hit_is_still_replayed(app):
    """The error tracker wraps Django's handler and returns its own iterable:
    the hit is announced in the environ, so the replay does not depend on
    which object comes back."""
    from tests.test_error_tracking import error_tracking_on

    with error_tracking_on():
        live, replayed = live_then_replayed(app, "/faq/")
    assert replayed[0] == live[0] == "200 OK"
    assert replayed[2] == live[2]
