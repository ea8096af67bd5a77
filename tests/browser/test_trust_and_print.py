"""New public pages in Chromium: accessibility, glossary by keyboard, contents
list, and the guide as Chromium prints it."""

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

# The tests only read the demo content: it is loaded once for the module.
pytestmark = pytest.mark.browser

GUIDE_PATH = "/guides/what-is-cik-therapy/"


@pytest.mark.parametrize(
    "path",
    [
        "/glossary/",
        "/about/who-we-are/",
        "/about/contact/",
        "/about/privacy/",
        "/about/editorial-policy/",
        "/about/funding-and-hospitals/",
        "/about/reviewers/",
        "/about/reviewers/1/",
        "/search/?q=liver+cancer",
        "/inquire/thanks/",
    ],
)
def test_new_pages_have_no_accessibility_violations(
    demo_site, live_server, page, axe_violations, path
):
    page.goto(live_server.url + path)
    assert (
        axe_violations(page, impacts=("minor", "moderate", "serious", "critical")) == []
    )


def test_a_glossary_term_explains_itself_to_keyboard_users(
    demo_site, live_server, page
):
    page.goto(live_server.url + GUIDE_PATH)
    link = page.locator(".term__link").first
    tip = page.locator(".term__tip").first
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_be_visible()
    # Screen readers announce the explanation with the link.
    described = link.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text() == tip.inner_text()
    assert link.evaluate("el => el.getAttribute('href').startsWith('/glossary/#')")


@pytest.mark.parametrize(("width", "is_open"), [(1280, True), (360, False)])
def test_the_contents_list_is_open_on_wide_screens_only(
    demo_site, live_server, page, width, is_open
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + GUIDE_PATH)
    assert page.locator(".guide-contents details").evaluate("d => d.open") is is_open


def test_the_search_box_in_the_header_finds_the_guide(demo_site, live_server, page):
    page.goto(live_server.url + "/")
    page.fill("#site-search-q", "NKG2D")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=NKG2D")
    expect(page.get_by_role("link", name="What is CIK therapy?")).to_be_visible()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_printed_guide_has_answers_address_dates_and_references(
    demo_site, live_server, page, tmp_path, settings
):
    page.goto(live_server.url + GUIDE_PATH)
    page.emulate_media(media="print")
    pdf = tmp_path / "guide.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    assert f"CancerFax · {settings.SITE_URL}{GUIDE_PATH}" in flat
    # FAQ answers sit in closed <details> on screen: they must still print.
    assert "checkpoint inhibitor" in flat
    assert "Last reviewed" in flat and "Next review due" in flat
    assert "References" in flat and "doi:10.1053/j.gastro.2015.02.055" in flat
    assert "Search" not in text.splitlines()[0]
    sheets = text.split("\f")[:-1]
    # The last sheet may end early; any other sheet must be well filled.
    blank = [
        number
        for number, sheet in enumerate(sheets[:-1], 1)
        if len(sheet.split()) < 150
    ]
    pages = len(sheets)
    assert pages and not blank, f"nearly empty printed pages: {blank}"
