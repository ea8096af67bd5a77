"""In Chromium: an editor's routine task on the CIK guide, the largest demo guide.

Find a section from the jump list, change it, insert a section between two,
press Enter in a heading (nothing is saved, nothing is lost), try to leave with
unsaved edits (the page asks), then save: one page to open, one save. And the
editor page at 360 px, axe at both widths, and the staff focus ring's contrast.
"""

import pytest
from playwright.sync_api import expect

from guides import demo_content
from guides.models import Guide, Section
from reviews.capture import version_capture
from tests.factories import FaqEntryFactory, approve_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXCLUDE = [".ck-powered-by"]  # CKEditor's own badge (see NOTES.md)
OPEN_ALL = (
    "document.querySelectorAll('.guide-section__body')"
    ".forEach(b => { b.hidden = false; });"
    "document.querySelectorAll('details').forEach(d => { d.open = true; })"
)

# The contrast of the focused element's outline with the colour behind it
# (the first opaque background among its ancestors), as WCAG computes it.
FOCUS_CONTRAST = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let back = [255, 255, 255];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || c[3] === 1) { back = c.slice(0, 3); break; }
  }
  const ring = rgb(style.outlineColor).slice(0, 3);
  const [a, b] = [lum(ring), lum(back)].sort((x, y) => y - x);
  const name = el.id || el.className || el.textContent.trim().slice(0, 30);
  return {element: el.tagName + " " + name,
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          ratio: (a + 0.05) / (b + 0.05)};
}"""


@pytest.fixture
def cik(demo):
    return Guide.objects.get(slug=demo_content.CIK_GUIDE)


def editor_url(live_server, guide):
    return f"{live_server.url}/admin/guides/guide/{guide.pk}/change/"


def section_box(page, header_id):
    return page.locator(".guide-section", has=page.locator(f"#{header_id}"))


def test_an_editor_finds_edits_inserts_and_saves_without_losing_a_word(
    live_server, page, cik, medical_editor, admin_login
):
    admin_login(page, medical_editor.email)
    loads = []
    page.on(
        "request",
        lambda r: (
            loads.append(r.method)
            if r.resource_type == "document" and "/guide/" in r.url
            else None
        ),
    )
    page.goto(editor_url(live_server, cik))
    # Every saved section starts closed: a short page.
    assert page.locator(".guide-section__body:visible").count() == 0

    # Find a section from the jump list: it opens, the others stay closed.
    numbers = cik.sections.get(kind=Section.Kind.KEY_NUMBERS)
    page.get_by_role("navigation", name="Jump to a section").get_by_role(
        "link", name="Key numbers: CIK therapy in numbers"
    ).click()
    box = section_box(page, f"section-{numbers.pk}")
    expect(box.locator(".guide-section__body")).to_be_visible()
    assert page.locator(".guide-section__body:visible").count() == 1
    # Items are named by their words, not their ids.
    assert (
        "#1 " + numbers.items.first().title
        in box.locator(".guide-item__title").first.inner_text()
    )

    # Edit the heading, then press Enter in it: nothing is sent, nothing lost.
    heading = box.locator("input[name$='-heading']")
    heading.fill("CIK therapy in figures")
    heading.press("Enter")
    page.wait_for_timeout(300)
    assert loads == ["GET"]
    assert heading.input_value() == "CIK therapy in figures"

    # Insert a pull quote between the first two sections.
    first, second = cik.sections.order_by("order")[:2]
    page.select_option("#guide-new-section-kind", "pull_quote")
    section_box(page, f"section-{second.pk}").get_by_role(
        "button", name="Insert a section here"
    ).click()
    new = page.locator(".guide-section:not(.empty-form):not(.has_original)")
    expect(new.locator("textarea[name$='-quote']")).to_be_focused()
    new.locator("textarea[name$='-quote']").fill("It gave me time.")
    boxes = page.locator(".guide-section:not(.empty-form)")
    assert boxes.nth(1).evaluate("(el, n) => el === n", new.element_handle())

    # Leaving now asks first; staying keeps every edit.
    asked = []
    page.once("dialog", lambda d: (asked.append(d.type), d.dismiss()))
    page.locator("div.breadcrumbs a").first.click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url.split("#")[0] == editor_url(live_server, cik)
    assert heading.input_value() == "CIK therapy in figures"

    # Save: no question, and the section being edited is open again.
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert asked == ["beforeunload"]
    expect(
        section_box(page, f"section-{numbers.pk}").locator("input[name$='-heading']")
    ).to_be_visible()
    # One page to open, one save (its answer is the page again): as before.
    assert loads == ["GET", "POST", "GET"]

    numbers.refresh_from_db()
    assert numbers.heading == "CIK therapy in figures"
    kinds = list(cik.sections.order_by("order").values_list("kind", "quote")[:3])
    assert kinds[0][0] == first.kind
    assert kinds[1] == ("pull_quote", "It gave me time.")
    assert kinds[2][0] == second.kind


def test_the_editor_fits_360_pixels_and_passes_axe_at_both_widths(
    live_server, page, cik, medical_editor, admin_login, axe_violations
):
    admin_login(page, medical_editor.email)
    found = {}
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(editor_url(live_server, cik))
        assert page.evaluate("document.documentElement.scrollWidth") == width
        page.evaluate(OPEN_ALL)
        assert page.evaluate("document.documentElement.scrollWidth") == width
        found[width] = axe_violations(
            page, impacts=("minor", "moderate", "serious", "critical"), exclude=EXCLUDE
        )
    assert found == {1280: [], 360: []}


@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/guides/guide/", "/admin/guides/guide/{cik}/change/"],
)
def test_the_staff_focus_ring_stands_out_three_to_one(
    live_server, page, cik, medical_editor, admin_login, path
):
    """Tab through the first controls of the page: each ring is at least 3:1."""
    admin_login(page, medical_editor.email, live_server.url + path.format(cik=cik.pk))
    rings = []
    for _ in range(12):
        page.keyboard.press("Tab")
        rings.append(page.evaluate(FOCUS_CONTRAST))
    # The editor's own controls, further down (focused after a key press, so
    # the browser still shows the keyboard's ring).
    for selector in [
        ".guide-jump a",
        ".guide-insert__button",
        ".guide-toggle",
        ".guide-move",
        "#guide-new-section-kind",
        "input[name='_continue']",
    ]:
        if "change" in path:
            page.locator(selector).first.focus()
            rings.append(page.evaluate(FOCUS_CONTRAST))
    weak = [
        r for r in rings if r["style"] == "none" or r["ratio"] < 3 or r["width"] < 2
    ]
    assert not weak, weak


def test_the_review_page_keeps_a_typed_decision_from_enter_and_leaving(
    live_server, page, medical_reviewer, admin_login
):
    """Enter in the review date does not approve; leaving with notes asks."""
    entry = FaqEntryFactory()
    approve_all()
    entry.answer = "<p>A changed answer.</p>"
    entry.save()
    version = version_capture(obj=entry, user=None)
    admin_login(page, medical_reviewer.email)
    url = f"{live_server.url}/admin/reviews/contentversion/{version.pk}/review/"
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(url)
    form = page.locator("#review-decision-form")
    form.locator("textarea[name='notes']").fill("Reads well.")
    form.locator("input[name^='next_review_due']").first.press("Enter")
    page.wait_for_timeout(300)
    assert posts == []

    asked = []
    page.once("dialog", lambda d: (asked.append(d.type), d.dismiss()))
    page.locator("div.breadcrumbs a").first.click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert form.locator("textarea[name='notes']").input_value() == "Reads well."
