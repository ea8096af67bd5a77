"""With ``SENTRY_DSN`` set, errors reach Sentry without a patient's data: what
the SDK would send is captured here by a transport that keeps the envelopes."""

import contextlib
import io
import json
import logging
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from sentry_sdk.transport import Transport

from cancerfax.error_tracking import error_tracking_init
from inquiries.models import Inquiry
from inquiries.views import new_form_token
from tests.factories import CancerIndicationFactory, approve

DSN = "https://public@errors.example.invalid/1"
NAME = "Zebulon Quixote-Marchetti"
EMAIL = "zebulon.family@example.com"
CONDITION = "Jaundice since May; bilirubin 212"
PHONE = "+44 20 7946 0958"
TOKEN = "k3yOfThePatientsSecureLink0123456789abcdef"
SECRET_COOKIE = "sessioncookievalue0123456789"


class CapturingTransport(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.sent = []

    def capture_envelope(self, envelope):
        self.sent.append(envelope.serialize())


# The SDK patches Django for good once it starts (every request, query and
# template render goes through it after): these tests run last in their process.
pytestmark = pytest.mark.error_tracking


@contextlib.contextmanager
def error_tracking_on():
    """The SDK on with a DSN while the block runs, sending to a transport that
    keeps what would leave; off again after, with no client left to record
    (``sentry_sdk.init()`` without a DSN still made spans for every query)."""
    transport = CapturingTransport()
    assert error_tracking_init(DSN, transport=transport)
    try:
        yield transport.sent
    finally:
        sentry_sdk.flush()
        sentry_sdk.get_global_scope().set_client(None)
        assert not sentry_sdk.get_client().is_active()


@pytest.fixture
def sent():
    """Every envelope the SDK would send, as the bytes that would leave."""
    with error_tracking_on() as envelopes:
        yield envelopes


def wsgi_request(method, path, query="", form=None):
    """A request through Django's WSGI handler, as gunicorn sends it (the
    test client skips the handler the SDK watches), with a session cookie."""
    secret = _get_new_csrf_string()
    body = b""
    if form is not None:
        token = _mask_cipher_secret(secret)
        body = encode_multipart(BOUNDARY, {**form, "csrfmiddlewaretoken": token})
    environ = {}
    setup_testing_defaults(environ)
    environ.update(
        {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "HTTP_HOST": "testserver",
            "HTTP_COOKIE": f"csrftoken={secret}; sessionid={SECRET_COOKIE}",
            "CONTENT_TYPE": MULTIPART_CONTENT,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
    )
    statuses = []
    # As the test client does: the test's connection stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, *_: statuses.append(status))
        b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return statuses[0]


def events(sent):
    found = []
    for envelope in sent:
        for line in envelope.splitlines():
            item = json.loads(line) if line.startswith(b"{") else {}
            if "exception" in item:
                found.append(item)
    return found


def test_error_tracking_is_off_without_a_dsn(monkeypatch):
    monkeypatch.delenv("SENTRY_DSN", raising=False)
    assert error_tracking_init() is False
    assert not sentry_sdk.get_client().options.get("dsn")


@pytest.mark.django_db
def test_an_error_while_an_inquiry_is_posted_reaches_sentry_without_patient_data(
    sent, monkeypatch
):
    indication = CancerIndicationFactory(name="Liver cancer", slug="liver-cancer")
    approve(indication)

    def failing_store(**kwargs):
        data = kwargs["data"]
        logging.getLogger("inquiries").warning("Storing %s", data["patient_name"])
        raise RuntimeError(f"cannot store {data['patient_name']} <{data['email']}>")

    monkeypatch.setattr("inquiries.views.submission_store", failing_store)
    form = {
        "writer_role": "family",
        "patient_name": NAME,
        "email": EMAIL,
        "phone": PHONE,
        "country": "GB",
        "preferred_language": "en",
        "contact_method": "email",
        "cancer_type": str(indication.pk),
        "diagnosis_month": "3",
        "diagnosis_year": "2024",
        "stage": "3",
        "treatments": ["surgery"],
        "current_condition": CONDITION,
        "questions": "Could CIK cells help?",
        "consent": "on",
        "website": "",
        "form_token": new_form_token()[1],
    }
    status = wsgi_request("POST", "/inquire/", f"guide=x&email={EMAIL}", form)
    assert status.startswith("500")
    assert not Inquiry.objects.exists()
    sentry_sdk.flush()
    (event,) = events(sent)
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["request"] == {"method": "POST", "url": "http://testserver/inquire/"}
    frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
    assert frames[-1]["function"] == "failing_store"
    everything = b"".join(sent)
    for private in (NAME, EMAIL, CONDITION, PHONE, SECRET_COOKIE, "guide=x"):
        assert private.encode() not in everything, private
    assert b"zebulon" not in everything.lower()
    assert b"jaundice" not in everything.lower()


@pytest.mark.django_db
def test_the_secure_link_key_in_the_path_never_reaches_sentry(sent, monkeypatch):
    def failing_resolve(token):
        raise RuntimeError(f"no link {token}")

    monkeypatch.setattr("casework.portal.patient_link_resolve", failing_resolve)
    status = wsgi_request("GET", f"/my-inquiry/{TOKEN}/", "from=email")
    assert status.startswith("500")
    sentry_sdk.flush()
    (event,) = events(sent)
    assert event["request"]["url"] == "http://testserver/my-inquiry/…/"
    assert TOKEN.encode() not in b"".join(sent)
    assert SECRET_COOKIE.encode() not in b"".join(sent)
