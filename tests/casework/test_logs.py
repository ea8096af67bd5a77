"""The patient's secure link is a key: no log line (Django's, gunicorn's) has it."""

import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from gunicorn.config import Config

from cancerfax.gunicorn_logging import RedactingLogger
from cancerfax.log_redaction import redact
from casework.models import PatientLink

from .test_patient_link import url


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.mark.django_db
def test_refused_portal_requests_leave_no_token_in_the_logs(
    client, link_token, settings, caplog, capsys
):
    """Django logs the path of each 4xx: a wrong link (404), an expired one
    (410), too many views (429) and a CSRF refusal (403) are logged without it."""
    caplog.set_level(logging.DEBUG)
    settings.CASEWORK_LINK_VIEWS_PER_HOUR = 1
    tampered = link_token[:-4] + "AAAA"
    assert client.get(url(tampered)).status_code == 404
    assert client.get(url(link_token)).status_code == 200
    assert client.get(url(link_token)).status_code == 429
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url(link_token), {"action": "reply"}).status_code == 403
    PatientLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(url(link_token)).status_code == 410

    logged = caplog.text + "".join(capsys.readouterr())
    for reason in ("Not Found", "Too Many Requests", "Forbidden (CSRF", "Gone"):
        assert reason in logged  # the capture works
    assert "/my-inquiry/…/" in logged
    for secret in (link_token, tampered, link_token.rsplit(":", 1)[-1]):
        assert secret not in logged


def test_runserver_request_lines_are_redacted():
    """runserver's "django.server" lines go through the same filter."""
    collect = Collect()
    server = logging.getLogger("django.server")
    server.addHandler(collect)
    try:
        line = "GET /my-inquiry/eyJsIjo1fQ:abc:xyz/ HTTP/1.1"
        server.info('"%s" %s %s', line, 200, 5)
    finally:
        server.removeHandler(collect)
    assert collect.lines == ['"GET /my-inquiry/…/ HTTP/1.1" 200 5']


def test_the_filter_knows_the_portals_address():
    """If the portal's URL changes, the redaction must follow it."""
    path = reverse("casework:portal", kwargs={"token": "SECRET-TOKEN"})
    assert "SECRET-TOKEN" not in redact(f"GET {path}?sent=reply HTTP/1.1")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("/my-inquiry/a:b:c/", "/my-inquiry/…/"),
        ("/my-inquiry/a:b:c", "/my-inquiry/…"),
        ('"GET /my-inquiry/abc?x=1 HTTP/1.1"', '"GET /my-inquiry/…?x=1 HTTP/1.1"'),
        ("/admin/password-reset/MQ/cx-1f2e/", "/admin/password-reset/MQ/…/"),
        (
            "/admin/password-reset/MQ/set-password/",
            "/admin/password-reset/MQ/set-password/",
        ),
        ("/admin/password-reset/sent/", "/admin/password-reset/sent/"),
        ("/guides/cik-therapy/", "/guides/cik-therapy/"),
    ],
)
def test_redact_replaces_only_the_secret_segment(text, expected):
    assert redact(text) == expected


def test_gunicorns_access_log_atoms_carry_no_token():
    """Whatever the access log format prints (path, request line, Location,
    Referer, environ), the token is not in it."""
    token = "eyJsIjo1LCJrIjoieCJ9:1uXyZ:Sig-Nature_123"
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": f"/my-inquiry/{token}/?sent=reply",
        "PATH_INFO": f"/my-inquiry/{token}/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://example.org/my-inquiry/{token}/",
    }
    response = SimpleNamespace(
        status="302 Found",
        sent=0,
        headers=[("Location", f"/my-inquiry/{token}/?sent=reply")],
    )
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    atoms = logger.atoms(response, request, environ, timedelta(seconds=0.01))
    assert atoms["U"] == "/my-inquiry/…/"
    assert atoms["r"] == "POST /my-inquiry/…/?sent=reply HTTP/1.1"
    assert token not in repr(atoms)
    line = Config().access_log_format % logger.atoms_wrapper_class(atoms)
    assert token not in line


def test_gunicorns_error_log_is_redacted():
    collect = Collect()
    logger = RedactingLogger(Config())
    logger.error_log.addHandler(collect)
    logger.error("Error handling request %s", "/my-inquiry/abc:def/")
    assert collect.lines == ["Error handling request /my-inquiry/…/"]
