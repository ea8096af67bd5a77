"""Stored hits answered before Django's request handling: a replay of the answer.

The first hit of a stored page in a process goes through Django and every
middleware as any request does (``StoredPageMiddleware`` answers it with the
stored copy). This wrapper keeps what that answer said, its status, every header
and the body, under the page's address and the request facts the middleware read
on the way (host, scheme, the proxy's HTTPS header, the languages asked for). The
next request with the same facts, while the page's ETag is still the stored one,
gets the same answer again without building a request, sending signals or running
middleware: a check of the ETag (one Redis GET, or one short query) and the bytes.

So a replayed answer carries by construction the security headers of a live page
(tests/test_stored_page_headers.py compares both), and an approval, which replaces
the stored ETag, ends every replay of the page in every process at once.

Only plain page views are replayed: a GET with no query string, no cookie (staff,
a patient part-way through the inquiry form) and no conditional or range header.
Everything else, and any answer that is not a stored hit, is Django's as before.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.db import DatabaseError
from django.dispatch import receiver
from redis.exceptions import RedisError

from .store import COPIES_KEPT, STORED_HIT, stored_etag

# Headers after which the stored hit is not the whole answer.
_LIVE_WHEN = (
    "HTTP_COOKIE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
    "HTTP_AUTHORIZATION",
)
# Each answer holds a page's body: as many as the pages this process keeps.
ANSWERS_KEPT = COPIES_KEPT


@dataclass(frozen=True)
class Answer:
    path: str  # the stored page's address, as the store names it
    etag: str
    status: str
    headers: tuple
    body: bytes


class _Answers:
    """This process's replayable answers, and which request facts choose one."""

    def __init__(self):
        self.kept: dict[tuple, Answer] = {}
        self.facts: tuple[str, ...] | None = None  # read from settings when used

    def forget(self):
        self.kept = {}
        self.facts = None


_answers = _Answers()


def request_facts() -> tuple[str, ...]:
    """The environ names that Django and the middleware before the stored pages
    read for a stored hit, from the settings that make them read each."""
    facts = [
        "PATH_INFO",
        "SCRIPT_NAME",
        "wsgi.url_scheme",
        "HTTP_HOST",
        "SERVER_NAME",
        "SERVER_PORT",
        "HTTP_ACCEPT_LANGUAGE",  # LocaleMiddleware
    ]
    if settings.SECURE_PROXY_SSL_HEADER:  # is the request HTTPS (HSTS, redirect)
        facts.append(settings.SECURE_PROXY_SSL_HEADER[0])
    if settings.USE_X_FORWARDED_HOST:
        facts.append("HTTP_X_FORWARDED_HOST")
    if settings.USE_X_FORWARDED_PORT:
        facts.append("HTTP_X_FORWARDED_PORT")
    if settings.DISALLOWED_USER_AGENTS:  # CommonMiddleware refuses some
        facts.append("HTTP_USER_AGENT")
    return tuple(facts)


@receiver(setting_changed)
def _forget_answers(**kwargs):
    # Headers come from settings (HSTS, the policies, Cache-Control), and so does
    # the store's cache: an answer kept under other settings says something else.
    _answers.forget()


def _key(environ):
    if environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING"):
        return None
    for name in _LIVE_WHEN:
        if name in environ:
            return None
    if _answers.facts is None:
        _answers.facts = request_facts()
    return tuple(map(environ.get, _answers.facts))


class StoredPageApplication:
    """Wraps Django's WSGI application (``cancerfax/wsgi.py``)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = _key(environ)
        if key is not None:
            answer = _answers.kept.get(key)
            if answer is not None and _still_stored(answer):
                start_response(answer.status, list(answer.headers))
                return [answer.body]
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = (status, headers)
            return start_response(status, headers, exc_info)

        response = self.application(environ, capture)
        hit = environ.get(STORED_HIT) if key is not None else None
        if hit is None:
            return response
        # A stored hit's body is already in memory: read it to keep it, the
        # response's own iterable (any wrapper's) closed as a server would.
        try:
            body = b"".join(response)
        finally:
            if hasattr(response, "close"):
                response.close()
        _keep(key, hit, captured, body)
        return [body]


def _still_stored(answer) -> bool:
    try:
        return stored_etag(answer.path) == answer.etag
    except (DatabaseError, RedisError):
        # Django's handling answers instead (its error page if the store is
        # down) and, at the start of that request, closes a broken connection.
        return False


def _keep(key, hit, captured, body):
    if not captured:
        return
    path, page = hit
    status, headers = captured
    if not status.startswith("200 ") or body != page.body:
        return
    if any(name.lower() == "set-cookie" for name, _value in headers):
        return
    kept = _answers.kept
    while len(kept) >= ANSWERS_KEPT:
        try:
            del kept[next(iter(kept))]
        except (KeyError, RuntimeError, StopIteration):  # another thread's turn
            break
    kept[key] = Answer(path, page.etag, status, tuple(headers), page.body)
