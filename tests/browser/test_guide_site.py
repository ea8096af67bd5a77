"""The guide site in a real Chromium: the demo guide, phones, and editing."""

import pytest
from playwright.sync_api import expect

from faq.models import FaqEntry
from tests.factories import approve

# Tests that only read the demo content share one copy of it (``demo_site``).
pytestmark = pytest.mark.browser

GUIDE_PATH = "/guides/what-is-cik-therapy/"


def test_demo_guide_renders_every_section(demo_site, live_server, page):
    page.goto(live_server.url + GUIDE_PATH)
    assert page.locator("h1").inner_text() == "What is CIK therapy?"
    sections = page.locator(
        ".guide-body > section, .guide-body > aside, .guide-body > figure"
    )
    assert sections.count() >= 12
    for text in (
        "CD3+CD56+",
        "13.6 vs 7.8 months",
        "NKG2D",
        "Hepatocellular carcinoma",
    ):
        expect(page.get_by_text(text, exact=False).first).to_be_visible()
    cta = page.locator(".cta a.button").first
    assert cta.get_attribute("href") == "/inquire/?guide=what-is-cik-therapy"


@pytest.mark.parametrize("width", [360, 1280])
def test_guide_page_fits_the_screen_without_sideways_scrolling(
    demo_site, live_server, page, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + GUIDE_PATH)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/guides/",
        GUIDE_PATH,
        "/cancers/",
        "/cancers/hepatocellular-carcinoma/",
        "/faq/",
        "/inquire/",
        "/no-such-page/",
    ],
)
def test_public_pages_have_no_accessibility_violations(
    demo_site, live_server, page, axe_violations, path
):
    """Minor ones included: patients read these pages."""
    page.goto(live_server.url + path)
    impacts = ("minor", "moderate", "serious", "critical")
    assert axe_violations(page, impacts=impacts) == []


def test_skip_link_moves_focus_to_main_content(demo_site, live_server, page):
    page.goto(live_server.url + GUIDE_PATH)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_pages_load_no_third_party_resources(demo_site, live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + GUIDE_PATH)
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested


@pytest.mark.django_db(transaction=True)
def test_editor_changes_faq_answer_in_ckeditor_and_page_shows_it(
    demo, live_server, page, medical_editor, admin_login
):
    entry = FaqEntry.objects.get(slug="is-cik-therapy-immunotherapy")
    admin_login(
        page,
        medical_editor.email,
        f"{live_server.url}/admin/faq/faqentry/{entry.pk}/change/",
    )
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Updated by the medical team in November.")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/faq/faqentry/")
    # A medical reviewer approves the change (the review itself is driven in the
    # browser in tests/reviews/test_browser_review.py).
    approve(entry)

    page.goto(live_server.url + "/faq/")
    expect(page.get_by_text("Updated by the medical team in November.")).to_be_visible()
