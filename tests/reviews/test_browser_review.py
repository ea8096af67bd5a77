"""In Chromium: an editor's CKEditor change waits until another user approves it."""

import pytest
from playwright.sync_api import expect

from guides.models import Section
from tests.factories import (
    FaqEntryFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve_all,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ADDED = "Blood counts are checked every week."


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_faq_edit_reaches_patients_only_after_a_second_user_approves_it(
    live_server, browser, page, medical_editor, medical_reviewer
):
    base = live_server.url
    ReviewerFactory(name="Dr Ada Lovelace", credentials="MBBS", user=medical_reviewer)
    entry = FaqEntryFactory(
        question="Is CIK therapy safe?",
        answer="<p>Side effects are usually mild.</p>",
    )
    section = SectionFactory(kind=Section.Kind.FAQ, heading="Questions")
    SectionItemFactory(section=section, faq_entry=entry)
    approve_all()
    patient = browser.new_context().new_page()
    guide_url = base + section.guide.get_absolute_url()

    log_in(page, base, medical_editor.email)
    page.goto(f"{base}/admin/faq/faqentry/{entry.pk}/change/")
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(ADDED)
    page.click("input[name=_submit_review]")
    page.wait_for_url(f"**/admin/faq/faqentry/{entry.pk}/change/")
    expect(page.get_by_text("Submitted as version 2.")).to_be_visible()

    patient.goto(f"{base}/faq/")
    expect(patient.get_by_text("Side effects are usually mild.")).to_be_visible()
    assert patient.get_by_text(ADDED).count() == 0
    patient.goto(guide_url)
    answer = patient.locator(".section--faq .prose").text_content()
    assert "Side effects are usually mild." in answer
    assert ADDED not in answer

    reviewer = browser.new_context().new_page()
    log_in(reviewer, base, medical_reviewer.email)
    reviewer.goto(f"{base}/admin/reviews/reviewdashboard/")
    reviewer.locator("#waiting a.button").first.click()
    assert reviewer.locator(".diff-text ins").inner_text().strip() == ADDED
    reviewer.click("button[value=approve]")
    reviewer.wait_for_url("**/admin/reviews/reviewdashboard/")
    expect(reviewer.get_by_text("is approved: patients see it now.")).to_be_visible()

    patient.goto(f"{base}/faq/")
    expect(patient.get_by_text(ADDED)).to_be_visible()
    expect(patient.get_by_text("Dr Ada Lovelace (MBBS)")).to_be_visible()
    patient.goto(guide_url)
    patient.locator("summary", has_text="Is CIK therapy safe?").click()
    expect(patient.get_by_text(ADDED)).to_be_visible()
