"""In Chromium set to a US locale: the reviewer reads and types dates day first."""

import pytest
from django.utils import timezone

from reviews.capture import version_capture
from tests.factories import FaqEntryFactory, ReviewerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_us_browser_shows_and_takes_dates_as_the_site_writes_them(
    live_server, browser, medical_reviewer, admin_login
):
    """A browser's date picker would show mm/dd/yyyy here."""
    ReviewerFactory(name="Dr Ada Lovelace", credentials="MBBS", user=medical_reviewer)
    version = version_capture(obj=FaqEntryFactory(), user=None)
    url = f"{live_server.url}/admin/reviews/contentversion/{version.pk}/review/"
    page = browser.new_context(locale="en-US").new_page()
    admin_login(page, medical_reviewer.email)

    page.goto(url)
    reviewed_on = page.locator("#id_reviewed_on")
    assert reviewed_on.get_attribute("type") == "text"
    assert reviewed_on.input_value() == f"{timezone.localdate():%d/%m/%Y}"
    assert page.locator("#id_reviewed_on_helptext").inner_text() == "dd/mm/yyyy"
    reviewed_on.fill("29/11/2026")
    page.locator("#id_next_review_due").fill("28/05/2027")
    page.get_by_role("button", name="Approve: patients see this version").click()
    page.wait_for_url("**/admin/reviews/reviewdashboard/")

    page.goto(url)
    record = page.locator(".review-history tbody tr").first
    cells = record.locator("td").all_inner_texts()
    assert cells[0] == "29 Nov 2026"
    assert "28 May 2027" in cells
