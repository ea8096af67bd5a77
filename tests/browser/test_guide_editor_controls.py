"""In Chromium: the guide editor's withdraw and keyboard moves, and its width."""

import pytest
from playwright.sync_api import expect

from guides import demo_content
from guides.models import Guide, Section, SectionItem
from reviews.models import ContentVersion
from tests.factories import SectionFactory, SectionItemFactory, approve_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > 1280"


@pytest.fixture
def cards():
    section = SectionFactory(kind=Section.Kind.CARD_GRID, heading="How it works")
    SectionItemFactory(section=section, title="Blood draw", text="We take blood.")
    SectionItemFactory(section=section, title="Growing", text="Cells grow.")
    approve_all()
    return section


def item(page, title):
    return page.locator(
        ".guide-item", has=page.locator(".guide-item__title", has_text=title)
    )


def open_section(page, name):
    """Open a section from the editor's jump list (the others stay closed)."""
    page.get_by_role("navigation", name="Jump to a section").get_by_role(
        "link", name=name
    ).click()


def item_titles(page):
    titles = page.locator(".guide-item:not(.empty-form) .guide-item__title")
    return [" ".join(t.split()[1:]) for t in titles.all_inner_texts()]


def test_a_submission_is_withdrawn_from_the_editor_page(
    live_server, page, cards, medical_editor, admin_login
):
    admin_login(
        page,
        medical_editor.email,
        f"{live_server.url}/admin/guides/guide/{cards.guide_id}/change/",
    )
    open_section(page, "Cards: How it works")
    item(page, "Blood draw").locator("textarea[name$='-text']").fill("About 50 ml.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Submitted as version 2.")).to_be_visible()

    page.get_by_role("button", name="Withdraw this submission").click()
    page.wait_for_url(f"**/admin/guides/guide/{cards.guide_id}/change/")
    expect(page.get_by_text("Edited, not submitted")).to_be_visible()
    assert page.get_by_role("button", name="Withdraw this submission").count() == 0
    version = ContentVersion.objects.of(cards.guide).get(number=2)
    assert version.status == ContentVersion.Status.WITHDRAWN


def test_items_move_with_the_keyboard_and_keep_their_new_order(
    live_server, page, cards, medical_editor, admin_login
):
    admin_login(
        page,
        medical_editor.email,
        f"{live_server.url}/admin/guides/guide/{cards.guide_id}/change/",
    )
    open_section(page, "Cards: How it works")
    item(page, "Blood draw").locator("[data-move=down]").focus()
    page.keyboard.press("Enter")
    assert item_titles(page) == ["Growing", "Blood draw"]
    # Focus moved with the item: Shift+Tab reaches its Move up.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert item_titles(page) == ["Blood draw", "Growing"]

    item(page, "Growing").locator("[data-move=up]").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert item_titles(page) == ["Growing", "Blood draw"]
    saved = SectionItem.objects.filter(section=cards).order_by("order")
    assert [i.title for i in saved] == ["Growing", "Blood draw"]


def test_the_guide_list_and_editor_fit_1280_pixels(
    live_server, page, demo, medical_editor, admin_login
):
    """The CIK guide has a section of every kind: the widest editor page."""
    cik = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    page.set_viewport_size({"width": 1280, "height": 800})
    admin_login(page, medical_editor.email)
    for path in ("/admin/guides/guide/", f"/admin/guides/guide/{cik.pk}/change/"):
        page.goto(live_server.url + path)
        assert not page.evaluate(SCROLLS_SIDEWAYS), path
