"""Translated pages in Chromium: the out-of-date notice, the "not translated
yet" line and a translated guide pass axe-core at 1280 and 360 px."""

import pytest
from django.utils import translation as i18n
from playwright.sync_api import expect

from guides.models import CancerIndication, Guide

from .pages import check_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "language, model, slug, shown",
    [
        ("ar", CancerIndication, "hepatocellular-carcinoma", ".translation-notice"),
        ("zh-hans", Guide, "what-is-cik-therapy", ".translation-review"),
        ("ar", Guide, "cik-and-car-t-compared", ".translation-notice"),
    ],
)
def test_translated_pages_are_accessible(
    demo_site, live_server, page, axe_violations, language, model, slug, shown
):
    with i18n.override(language):  # the page's address in the language
        path = model.objects.get(slug=slug).get_absolute_url()
    page.set_extra_http_headers({"Accept-Language": language})
    # A query string renders live: no stored copy of another language answers.
    page.goto(f"{live_server.url}{path}?lang={language}")
    expect(page.locator(shown)).to_be_visible()
    check_page(page, axe_violations)
