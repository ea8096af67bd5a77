"""Error pages work without the database and say plainly what happened to the form."""

import pytest
from django.db import OperationalError
from django.test import Client

from cancerfax.views import error_page
from inquiries import views as inquiry_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(settings):
    settings.CONTACT_EMAIL = "care@cancerfax.example.org"
    settings.CONTACT_PHONE = "+44 20 7946 0000"


def broken(exception):
    def fail(*args, **kwargs):
        raise exception

    return fail


def assert_tells_the_sender(html):
    assert "it was not sent" in html
    assert 'href="mailto:care@cancerfax.example.org"' in html
    assert 'href="tel:+442079460000"' in html
    assert "<script" not in html


def test_with_the_database_down_the_form_answers_503_with_contacts(
    contact, monkeypatch
):
    monkeypatch.setattr(
        inquiry_views, "published_guide", broken(OperationalError("connection refused"))
    )
    response = Client().get("/inquire/?guide=x")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert_tells_the_sender(response.content.decode())


def test_an_unexpected_error_answers_the_static_500_page(contact, monkeypatch):
    monkeypatch.setattr(inquiry_views, "published_guide", broken(RuntimeError("bug")))
    response = Client(raise_request_exception=False).get("/inquire/")
    assert response.status_code == 500
    assert_tells_the_sender(response.content.decode())


def test_the_error_pages_need_no_database(contact, django_assert_num_queries):
    with django_assert_num_queries(0):
        for status in (500, 503):
            assert_tells_the_sender(error_page(status).content.decode())
