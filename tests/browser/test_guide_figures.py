"""The CIK guide's diagrams in a real Chromium: shown from their renditions,
readable on a phone, and clean for axe at both widths."""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

GUIDE_PATH = "/guides/what-is-cik-therapy/"
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
# Where a developer wants to look at the figures (unset: nowhere).
SHOTS = os.environ.get("TEST_SCREENSHOTS_DIR", "")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_guides_figures_load_and_pass_axe(
    demo_site, live_server, page, axe_violations, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + GUIDE_PATH)
    figures = page.locator(".section--figure img")
    assert figures.count() == 2
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
        )
        shown = figure.evaluate(
            "img => ({src: img.currentSrc, w: img.clientWidth, h: img.clientHeight,"
            " nw: img.naturalWidth, nh: img.naturalHeight})"
        )
        # A compact format from a srcset, and no bigger than the screen needs.
        assert shown["src"].endswith((".avif", ".webp")), shown
        assert shown["w"] <= width
        assert shown["nw"] <= max(480, 2 * shown["w"] + 240), shown
        # The box keeps the picture's shape: width and height were known early.
        assert abs(shown["h"] / shown["w"] - shown["nh"] / shown["nw"]) < 0.02
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.locator(".section--figure").nth(index).screenshot(
                path=f"{SHOTS}/cik-figure-{index + 1}-{width}.png"
            )
    assert axe_violations(page, impacts=ALL_IMPACTS) == []


def test_the_lead_image_is_shared_and_not_shown_twice(demo_site, live_server, page):
    page.goto(live_server.url + GUIDE_PATH)
    og = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og.startswith(("http://", "https://")) and "/share-" in og
    assert page.locator(".guide-hero__picture").count() == 0  # it is figure 1
    response = page.request.get(live_server.url + "/images/" + og.split("/images/")[1])
    assert response.status == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
