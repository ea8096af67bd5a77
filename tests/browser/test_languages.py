"""The site in Arabic and Simplified Chinese in a real Chromium: no accessibility
violation of any impact at 360 and 1280 px, a layout that mirrors right to left,
nothing wider than a phone, and a switcher that keeps the reader's page."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GUIDE = "/guides/what-is-cik-therapy/"
IMPACTS = ("minor", "moderate", "serious", "critical")
# Screenshots for a person to look at, when asked for (not needed by the checks).
SHOTS = os.environ.get("I18N_SHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
@pytest.mark.parametrize("path", ["/", GUIDE, "/inquire/"])
def test_each_language_is_accessible_and_fits_at_both_widths(
    demo_site, live_server, page, axe_violations, language, path
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/{language}{path}")
    expected = "rtl" if language == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == expected
    assert axe_violations(page, impacts=IMPACTS) == []
    shot(page, f"{language}{path.replace('/', '-').rstrip('-')}-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    assert axe_violations(page, impacts=IMPACTS) == []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    expect(page.locator(".language-switcher")).to_be_visible()
    shot(page, f"{language}{path.replace('/', '-').rstrip('-')}-360")


def test_arabic_mirrors_the_layout(demo_site, live_server, page):
    """The brand starts on the right and the headings read right to left; in
    English the same header starts on the left."""
    page.set_viewport_size({"width": 1280, "height": 900})
    sides = {}
    for prefix in ("/ar", ""):
        page.goto(f"{live_server.url}{prefix}{GUIDE}")
        brand = page.locator(".brand").bounding_box()
        sides[prefix] = "right" if brand["x"] + brand["width"] / 2 > 640 else "left"
        direction = page.locator("main h1").evaluate(
            "el => getComputedStyle(el).direction"
        )
        assert direction == ("rtl" if prefix else "ltr")
    assert sides == {"/ar": "right", "": "left"}


def test_the_switcher_takes_the_reader_to_the_same_page(demo_site, live_server, page):
    page.goto(f"{live_server.url}{GUIDE}")
    page.locator(".language-switcher a[lang='ar']").click()
    expect(page).to_have_url(f"{live_server.url}/ar{GUIDE}")
    page.locator(".language-switcher a[lang='zh-Hans']").click()
    expect(page).to_have_url(f"{live_server.url}/zh-hans{GUIDE}")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"


def test_the_form_scripts_speak_the_page_language(demo_site, live_server, page):
    """The character counter's words come from the Arabic catalogue."""
    page.goto(f"{live_server.url}/ar/inquire/")
    page.locator("#id_questions").fill("سؤال")
    counter = page.locator("#id_questions_counter")
    expect(counter).to_contain_text("بقي لك")
    assert "You have" not in counter.inner_text()
