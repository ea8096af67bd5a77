"""In Chromium: every admin page the medical team and coordinators use passes axe,
and the guide editor's controls work with the keyboard and ask before removing."""

import pytest

from guides.models import Section
from reviews.capture import version_capture
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    SectionFactory,
    SectionItemFactory,
    approve_all,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXCLUDE = [".ck-powered-by"]  # CKEditor's own focus badge (see NOTES.md)


@pytest.fixture
def content():
    cards = SectionFactory(kind=Section.Kind.CARD_GRID, heading="How it works")
    SectionItemFactory(section=cards, title="Blood draw")
    SectionFactory(guide=cards.guide, kind=Section.Kind.RICH_TEXT, heading="Text")
    entry = FaqEntryFactory()
    CancerIndicationFactory()
    approve_all()
    entry.answer = "<p>A changed answer.</p>"
    entry.save()
    version = version_capture(obj=entry, user=None)
    return {"guide": cards.guide, "faq": entry, "version": version}


@pytest.mark.parametrize(
    ("role", "paths"),
    [
        (
            "medical_editor",
            [
                "/admin/",
                "/admin/guides/guide/",
                "/admin/guides/guide/{guide}/change/",
                "/admin/guides/guide/add/",
                "/admin/faq/faqentry/",
                "/admin/faq/faqentry/{faq}/change/",
                "/admin/guides/cancerindication/",
                "/admin/topics/topic/",
                "/admin/reviews/contentversion/{version}/review/",
            ],
        ),
        (
            "medical_reviewer",
            [
                "/admin/",
                "/admin/reviews/reviewdashboard/",
                "/admin/reviews/contentversion/{version}/review/",
                "/admin/guides/guide/{guide}/change/",
            ],
        ),
        ("coordinator", ["/admin/"]),
    ],
)
def test_admin_pages_have_no_serious_or_critical_violations(
    live_server, page, request, content, role, paths, admin_login, axe_violations
):
    user = request.getfixturevalue(role)
    admin_login(page, user.username)
    ids = {"guide": content["guide"].pk, "faq": content["faq"].pk}
    ids["version"] = content["version"].pk
    found = {}
    for path in paths:
        page.goto(live_server.url + path.format(**ids))
        found[path] = axe_violations(page, exclude=EXCLUDE)
    assert found == {path: [] for path in paths}


def test_sections_collapse_add_by_kind_and_ask_before_removing(
    live_server, page, content, medical_editor, admin_login
):
    admin_login(page, medical_editor.username)
    page.goto(f"{live_server.url}/admin/guides/guide/{content['guide'].pk}/change/")
    section = page.locator(".guide-section:not(.empty-form)").first
    toggle = section.locator(".guide-toggle").first
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert section.locator(".guide-section__body").first.is_hidden()
    page.keyboard.press("Enter")
    assert section.locator(".guide-section__body").first.is_visible()

    remove = section.locator(".guide-section__header").first.locator(".guide-remove")
    page.once("dialog", lambda dialog: dialog.dismiss())
    remove.click()
    assert not section.locator("input[name$='-DELETE']").first.is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    remove.click()
    assert section.locator("input[name$='-DELETE']").first.is_checked()
    assert remove.inner_text() == "Undo remove"

    page.select_option("#guide-new-section-kind", "pull_quote")
    page.get_by_role("button", name="Add a section").click()
    new = page.locator(".guide-section:not(.empty-form)").last
    assert new.locator("select[name$='-kind']").input_value() == "pull_quote"
    assert new.locator("textarea[name$='-quote']").is_visible()
    assert new.locator("input[name$='-heading']").is_hidden()
