"""Helpers the browser tests share: page loads counted, and one check per page."""

ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
# Every element that scrolls sideways, and whether the keyboard can reach it.
SCROLLERS = """[...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  return /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth;
}).map(e => ({cls: e.className, tab: e.tabIndex, label:
  e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')}))"""


def count_loads(page):
    """The addresses the main frame navigates to from now on: one per page the
    browser shows (a POST answered by a redirect is one)."""
    loads = []
    page.on(
        "framenavigated",
        lambda frame: loads.append(frame.url) if frame == page.main_frame else None,
    )
    return loads


def check_page(page, axe_violations):
    """At 1280 and 360 px: axe reports nothing at any impact, the page is no wider
    than the screen, and every region that scrolls sideways is reachable by
    keyboard and named."""
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        wider = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert wider <= 0, (page.url, width)
        found = axe_violations(page, impacts=ALL_IMPACTS)
        assert found == [], (page.url, width, found)
        for scroller in page.evaluate(SCROLLERS):
            assert scroller["tab"] == 0 and scroller["label"], (page.url, scroller)
    page.set_viewport_size({"width": 1280, "height": 900})
