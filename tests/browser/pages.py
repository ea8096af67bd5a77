"""Helpers the browser tests share: page loads counted, one check per page, and a
page's markup without its words."""

import hashlib
import re
from html.parser import HTMLParser

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


class _Markup(HTMLParser):
    """Every tag with its attributes in order, each run of text as one mark and
    every number as 0 (ids, addresses, counts), ``value`` attributes (the form
    token among them) left out, and the elements with an id in ``left_out``
    left out with all they hold."""

    def __init__(self, left_out):
        super().__init__()
        self.left_out = left_out
        self.skipping = None  # (tag, depth) of the left-out element we are in
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            name, depth = self.skipping
            # Only tags of its own name count: an element closed implicitly
            # inside it (a <p>, an <li>) cannot leave the rest of the page out.
            self.skipping = (name, depth + (tag == name))
        elif dict(attrs).get("id") in self.left_out:
            self.skipping = (tag, 1)
        else:
            kept = sorted(
                (name, re.sub(r"\d+", "0", value or ""))
                for name, value in attrs
                if name != "value"
            )
            self.parts.append(f"<{tag} {kept}>")

    def handle_startendtag(self, tag, attrs):
        if not self.skipping:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.skipping:
            name, depth = self.skipping
            if tag == name:
                self.skipping = (name, depth - 1) if depth > 1 else None
        else:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append("#")


def markup(html, left_out=()):
    """A digest of the page's markup without its words (``_Markup``): two pages
    with the same digest differ only in their words, numbers and the parts
    left out."""
    parser = _Markup(set(left_out))
    parser.feed(html)
    parser.close()
    assert parser.skipping is None, f"{parser.skipping[0]} never closed"
    return hashlib.sha256("".join(parser.parts).encode()).hexdigest()
