"""In Chromium: the reviewer's round loses nothing typed and takes few page loads.

A comment typed beside a part is refused with an approval (kept in its box, the
refusal names the part); a resubmitted version is compared with the version sent
back; "Confirm still accurate" is one click from the dashboard's overdue row.
Page loads are navigations of the main frame (a POST answered by a redirect is
one: the browser shows one new page).
"""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from guides.models import Guide
from reviews.capture import version_capture
from reviews.models import ContentVersion, ReviewRecord
from reviews.services import (
    default_next_review_due,
    version_approve,
    version_request_changes,
)
from tests.browser.pages import check_page, count_loads
from tests.factories import FaqEntryFactory, ReviewerFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DAY = datetime.timedelta(days=1)


def _approve(version, reviewer, *, reviewed_days_ago, due_in_days):
    today = timezone.localdate()
    version_approve(
        version=version,
        user=None,
        reviewers=[reviewer],
        reviewed_on=today - reviewed_days_ago * DAY,
        next_review_due=today + due_in_days * DAY,
    )


@pytest.fixture
def round_(medical_reviewer):
    """A guide approved, sent back at version 2, resubmitted as version 3; and an
    FAQ entry overdue for review."""
    ada = ReviewerFactory(
        name="Dr Ada Lovelace", credentials="MD", user=medical_reviewer
    )
    other = ReviewerFactory(name="Dr Grace Hopper", credentials="MD")
    section = SectionFactory(heading="What it is", body="<p>The first words.</p>")
    guide = section.guide
    _approve(
        version_capture(obj=guide, user=None),
        other,
        reviewed_days_ago=30,
        due_in_days=300,
    )
    section.body = "<p>The second words.</p>"
    section.save()
    sent_back = version_capture(obj=guide, user=None)
    version_request_changes(
        version=sent_back, user=None, reviewers=[other], notes="Say it plainly."
    )
    section.body = "<p>The third words.</p>"
    section.save()
    waiting = version_capture(obj=guide, user=None)
    entry = FaqEntryFactory(question="Is it painful?")
    _approve(
        version_capture(obj=entry, user=None),
        other,
        reviewed_days_ago=400,
        due_in_days=-5,
    )
    return {"waiting": waiting, "sent_back": sent_back, "entry": entry, "ada": ada}


def test_a_typed_comment_survives_approve_and_the_diff_starts_at_the_version_sent_back(
    live_server, page, round_, admin_login, axe_violations
):
    waiting = round_["waiting"]
    admin_login(page, "reviewer@example.org")
    loads = count_loads(page)
    page.goto(f"{live_server.url}/admin/reviews/contentversion/{waiting.pk}/review/")
    check_page(page, axe_violations)
    # The next review date an empty field gives is shown before signing.
    due = default_next_review_due("guide", timezone.localdate())
    assert date_format(due) in page.locator(".review-next-default").inner_text()
    # Approve is the primary action, Request changes visibly another.
    approve = page.get_by_role("button", name="Approve: patients see this version")
    changes = page.get_by_role("button", name="Request changes")
    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).fontWeight]"
    assert approve.evaluate(style) != changes.evaluate(style)

    page.get_by_role(
        "link", name="Compare with the version sent back (version 2)"
    ).click()
    assert (
        "Compared with the version sent back (version 2)"
        in page.locator(".review-summary").inner_text()
    )
    diff = page.locator(".review-diff")
    assert diff.locator(".diff-text del").first.inner_text().strip() == "second"
    assert diff.locator(".diff-text ins").first.inner_text().strip() == "third"
    check_page(page, axe_violations)

    page.locator(".review-comment-box summary").first.click()
    box = page.locator(".review-comment-box textarea").first
    box.fill("Please cite the trial here.")
    approve.click()
    error = page.locator("#decision-error")
    assert "You wrote a comment on 1 part" in error.inner_text()
    assert "Request changes" in error.inner_text()
    # Kept where it was typed, the comparison kept too.
    assert page.locator(".review-comment-box textarea").first.input_value() == (
        "Please cite the trial here."
    )
    assert "compare=sent-back" in page.url
    waiting.refresh_from_db()
    assert waiting.status == ContentVersion.Status.PENDING

    page.locator(".review-comment-box textarea").first.fill("")
    page.locator("#id_reviewers input").first.check()
    page.get_by_role("button", name="Approve: patients see this version").click()
    page.wait_for_url("**/admin/reviews/reviewdashboard/")
    waiting.refresh_from_db()
    assert waiting.status == ContentVersion.Status.APPROVED
    # Review page, its comparison, the refused and the accepted decision.
    assert len(loads) == 4, loads


def test_confirm_still_accurate_from_the_dashboards_overdue_row_in_two_page_loads(
    live_server, page, round_, admin_login, axe_violations
):
    admin_login(
        page,
        "reviewer@example.org",
        f"{live_server.url}/admin/reviews/reviewdashboard/",
    )
    check_page(page, axe_violations)
    loads = count_loads(page)
    confirm = page.locator("#overdue a.dashboard-confirm")
    assert confirm.text_content() == "Confirm still accurate: Is it painful?"
    confirm.click()
    assert page.url.endswith("#decision")
    page.locator("#id_reviewers input").first.check()
    page.get_by_role("button", name="Confirm still accurate").click()
    # The dashboard again, without the decision's "#decision".
    page.wait_for_url("**/admin/reviews/reviewdashboard/")
    record = ReviewRecord.objects.filter(kind=ReviewRecord.Kind.CONFIRMED).get()
    assert record.version.object_id == round_["entry"].pk
    assert "Nothing here." in page.locator("#overdue").inner_text()
    assert len(loads) == 2, loads


def test_the_items_page_offers_confirm_beside_the_review_history(
    live_server, page, round_, admin_login
):
    admin_login(page, "reviewer@example.org")
    entry = round_["entry"]
    page.goto(f"{live_server.url}/admin/faq/faqentry/{entry.pk}/change/")
    link = page.locator(".review-confirm-link")
    assert link.get_attribute("href").endswith("/review/#decision")


def test_the_demo_guides_review_page_fits_a_narrow_screen(
    live_server, page, demo, medical_reviewer, admin_login, axe_violations
):
    """The longest review page there is: the CIK guide, every section shown."""
    guide = Guide.objects.order_by("pk").first()
    version = ContentVersion.objects.of(guide).first()
    admin_login(
        page,
        "reviewer@example.org",
        f"{live_server.url}/admin/reviews/contentversion/{version.pk}/review/",
    )
    check_page(page, axe_violations)
