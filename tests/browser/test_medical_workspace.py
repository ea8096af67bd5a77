"""In Chromium: the medical team's journey, from one card's edit to the public page.

The editor changes one card and moves a section with the keyboard, previews and
submits; the reviewer sees the move and the one changed card, comments on it and
asks for changes; the editor sees the comment there, fixes and resubmits; the
reviewer approves and patients see the new words. axe-core checks every admin
page on the way.
"""

import re

import pytest
from playwright.sync_api import expect

from guides.models import Section
from reviews.models import Reviewer
from tests.factories import (
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve_all,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIRST_TRY = "We take a small amount of blood from your arm."
FIXED = "We take about 50 ml of blood from your arm, like a routine blood test."
COMMENT = "Say how much blood: patients ask."
AXE_EXCLUDE = [".ck-powered-by"]  # CKEditor's own focus badge (see NOTES.md)


@pytest.fixture
def guide(medical_reviewer):
    # The reviewer belongs to the panel that approved the guide: it is theirs.
    ada = ReviewerFactory(
        name="Dr Ada Lovelace", credentials="MBBS", user=medical_reviewer
    )
    panel = ReviewerFactory(name="Test medical panel", kind=Reviewer.Kind.PANEL)
    panel.members.add(ada)
    cards = SectionFactory(kind=Section.Kind.CARD_GRID, heading="How it works", order=1)
    SectionItemFactory(section=cards, title="Blood draw", text="We take blood.")
    SectionItemFactory(section=cards, title="Growing", text="Cells grow.")
    for number, heading in enumerate(
        ["Second", "Third", "Fourth", "Fifth", "Sixth"], 2
    ):
        SectionFactory(guide=cards.guide, order=number, heading=heading)
    approve_all()
    return cards.guide


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def card_text(page, title):
    """The card's text box, its section opened first (the editor opens one
    section at a time)."""
    item = page.locator(
        ".guide-item", has=page.locator(".guide-item__title", has_text=title)
    )
    toggle = page.locator(".guide-section", has=item).locator(".guide-toggle").first
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    return item.locator("textarea[name$='-text']")


def check_axe(page, axe_violations, seen):
    violations = axe_violations(page, exclude=AXE_EXCLUDE)
    seen.append(page.url)
    assert violations == [], page.url


def test_the_medical_teams_journey(
    live_server, browser, page, guide, medical_editor, medical_reviewer, axe_violations
):
    base = live_server.url
    seen = []

    # The editor: from the admin home page, two page loads to a changed card.
    log_in(page, base, medical_editor.email)
    check_axe(page, axe_violations, seen)
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.get_by_role("link", name=guide.title).click()
    page.wait_for_load_state()
    check_axe(page, axe_violations, seen)
    card_text(page, "Blood draw").fill(FIRST_TRY)

    # Move "Fourth" from position 4 to 6 with the keyboard alone.
    fourth = page.locator(
        ".guide-section", has=page.locator(".guide-section__name", has_text="Fourth")
    )
    fourth.locator(".guide-section__header").first.locator("[data-move=down]").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    names = page.locator(".guide-section:not(.empty-form) > h3 .guide-section__name")
    assert [n.strip() for n in names.all_inner_texts()][-1].endswith("Fourth")

    # Preview the unsaved working copy in a new tab: nothing is saved by it.
    with page.context.expect_page() as preview_tab:
        page.get_by_role("button", name="Preview unsaved changes (new tab)").click()
    preview = preview_tab.value
    preview.wait_for_load_state()
    expect(preview.get_by_text("Preview of unsaved changes.")).to_be_visible()
    expect(preview.get_by_text(FIRST_TRY)).to_be_visible()
    headings = preview.locator("main h2").all_inner_texts()
    assert headings.index("Fourth") > headings.index("Sixth")
    preview.close()

    page.fill("#id_review_note", "Blood draw card reworded; Fourth section moved down.")
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_load_state()
    assert len(loads) == 2, loads  # the guide's page, then the save
    expect(page.get_by_text("Submitted as version 2.")).to_be_visible()
    check_axe(page, axe_violations, seen)

    # The reviewer: the move says where from and to; the card is listed once.
    reviewer = browser.new_context().new_page()
    log_in(reviewer, base, medical_reviewer.email)
    check_axe(reviewer, axe_violations, seen)
    reviewer.get_by_role("link", name=re.compile("waiting for review")).click()
    check_axe(reviewer, axe_violations, seen)
    reviewer.locator("#waiting a.button").first.click()
    expect(reviewer.get_by_text("moved from position 4 to 6")).to_be_visible()
    # Fifth and Sixth closed up behind Fourth: only Fourth was moved.
    assert reviewer.locator(".diff-detail", has_text="moved from").count() == 1
    changed = reviewer.locator("tr.diff-row--changed")
    assert changed.count() == 1
    assert "Item 1: Blood draw" in changed.locator("th").inner_text()
    check_axe(reviewer, axe_violations, seen)
    changed.locator("summary").click()
    changed.locator("textarea").fill(COMMENT)
    reviewer.fill("#id_notes", "One card needs a figure.")
    reviewer.get_by_role("button", name="Request changes").click()
    reviewer.wait_for_url("**/admin/reviews/reviewdashboard/")

    # The editor sees the comment beside that card, fixes it, resubmits.
    page.reload()
    text = card_text(page, "Blood draw")
    item = page.locator(
        ".guide-item", has=page.locator(".guide-item__title", has_text="Blood draw")
    )
    expect(item.locator(".review-comment--inline").get_by_text(COMMENT)).to_be_visible()
    check_axe(page, axe_violations, seen)
    text.fill(FIXED)
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Submitted as version 3.")).to_be_visible()

    # The reviewer approves; patients see the new words.
    reviewer.goto(f"{base}/admin/reviews/reviewdashboard/")
    reviewer.locator("#waiting a.button").first.click()
    # "50 ml" is a number with no source: the evidence check names the sentence,
    # and approval waits for a citation or the reason it needs none.
    claims = reviewer.locator(".review-claims")
    expect(claims.get_by_text(FIXED)).to_be_visible()
    reviewer.get_by_role("button", name="Approve: patients see this version").click()
    refusal = reviewer.get_by_text("1 sentence makes a claim without a source")
    refusal.first.wait_for()
    expect(reviewer.locator(".review-claims").get_by_text(FIXED)).to_be_visible()
    reviewer.locator(".review-claims").get_by_label("Needs no source, because:").fill(
        "Describes our own procedure, not a finding."
    )
    reviewer.get_by_role("button", name="Approve: patients see this version").click()
    reviewer.wait_for_url("**/admin/reviews/reviewdashboard/")
    patient = browser.new_context().new_page()
    patient.goto(base + guide.get_absolute_url())
    expect(patient.get_by_text(FIXED)).to_be_visible()
    headings = patient.locator("main h2").all_inner_texts()
    assert headings.index("Fourth") > headings.index("Sixth")
    assert len(seen) == 7  # every page on the way was checked
