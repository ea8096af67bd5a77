"""No public address answers 500, whatever is typed into it, on either engine.

Every URL pattern outside the admin site (the project's resolver, walked) has its
path converters filled with hostile text (control characters, a lone surrogate
as bytes, very long strings, unicode, stray ``%`` sequences, SQL-ish text,
integers beyond 64 bits), and every query parameter a public view reads is given
the same. 404, 400, 200 and redirects are all fine; 500 is not. It runs on
PostgreSQL too: PostgreSQL refuses characters SQLite stores.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cancerfax import roles
from tests import factories
from tests.conftest import examples, make_user
from tests.public_routes import public_routes

CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")

# Read by public views: search (q), inquiry form (guide), staff preview as a
# patient (as), the patient's page (sent), sign-in pages (next), the sitemap (p);
# page and an unknown name stand for the ones nobody reads.
QUERY_NAMES = ["q", "guide", "as", "sent", "next", "p", "page", "zz"]

HOSTILE = [
    "\x00",
    "a\x01b",
    "\x1f\x7f",
    "\r\nSet-Cookie: x=1",
    "\ud800",
    "\udfff-lone",
    "x" * 5_000,
    "🦠" * 200,
    "ｃｉｋ",
    "%",
    "%zz",
    "%00",
    "%C0%AF",
    "%ED%A0%80",
    "' OR 1=1 --",
    "1; DROP TABLE guides_guide",
    "../../etc/passwd",
    "-1",
    "0",
    str(2**63),
    str(2**64 + 1),
    "9" * 40,
    "9" * 5_000,  # beyond int()'s digit limit
    "1e309",
    "patient",
    "what-is-cik-therapy",
]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
numbers = st.one_of(
    st.sampled_from(
        ["0", str(2**31), str(2**63 - 1), str(2**63), "9" * 40, "9" * 5_000]
    ),
    st.integers(min_value=0, max_value=2**80).map(str),
)


ROUTES = public_routes()


def raw(text: str) -> bytes:
    """UTF-8, with lone surrogates as the bytes a broken client would send."""
    return text.encode("utf-8", "surrogatepass")


def encode(text: str) -> str:
    """Percent-encoded as a browser would send it."""
    return quote(raw(text), safe="")


@st.composite
def addresses(draw, route):
    def fill(match):
        if match["kind"] == "int":
            return draw(numbers, label=match["name"])
        text = draw(texts, label=match["name"])
        # Some raw, as a hand-typed address would arrive: "%zz" stays "%zz".
        return text if draw(st.booleans()) and text.isascii() else encode(text)

    path = "/" + CONVERTER.sub(fill, route)
    names = draw(
        st.lists(
            st.one_of(st.sampled_from(QUERY_NAMES), texts), max_size=3, unique=True
        )
    )
    query = [(raw(name), raw(draw(texts, label="value"))) for name in names]
    return f"{path}?{urlencode(query)}" if query else path


@pytest.fixture(scope="module")
def editor(django_db_setup, django_db_blocker):
    """One approved guide (with its topic and a reviewer), a draft, and a medical
    editor who may preview them, for the module."""
    from accounts.models import User

    with django_db_blocker.unblock(), transaction.atomic():
        guide = factories.GuideFactory(slug="what-is-cik-therapy")
        factories.SectionFactory(guide=guide)
        factories.approve(guide)
        factories.GuideFactory(slug="patient")
        yield make_user(User, "fuzz-editor", roles.MEDICAL_EDITOR)
        transaction.set_rollback(True)


def test_every_public_route_is_fuzzed():
    """The walk finds the public pages and leaves the admin site out."""
    assert {"guides/<slug:slug>/", "search/", "about/reviewers/<int:pk>/"} <= set(
        ROUTES
    )
    sign_in = ("admin/two-factor/", "admin/password-reset/")
    admin_site = [r for r in ROUTES if r.startswith("admin/")]
    assert admin_site and all(r.startswith(sign_in) for r in admin_site), ROUTES


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_no_public_address_answers_500(editor, client, route):
    """As a visitor, or as a medical editor (draft previews, ``?as=patient``)."""
    editor_client = Client()
    editor_client.force_login(editor)

    @settings(
        max_examples=examples(40),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(address=addresses(route), visitor=st.sampled_from([client, editor_client]))
    def get(address, visitor):
        response = visitor.get(address)
        assert response.status_code < 500, address

    get()
