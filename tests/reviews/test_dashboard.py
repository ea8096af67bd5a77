"""The dashboard shows the medical team what needs them, one click from the diff."""

import datetime

import pytest
from django.utils import timezone

from reviews.capture import version_capture, working_copy_edited
from reviews.models import ContentVersion
from reviews.services import version_approve
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
URL = "/admin/reviews/reviewdashboard/"


def approve(obj, reviewer, due_in_days):
    today = timezone.localdate()
    version = version_capture(obj=obj, user=None)
    version_approve(
        version=version,
        user=None,
        reviewers=[reviewer],
        reviewed_on=today - 360 * DAY,
        next_review_due=today + due_in_days * DAY,
    )
    return version


def section(html, anchor):
    start = html.index(f'id="{anchor}"')
    end = html.find('<section class="dashboard-section"', start + 1)
    return html[start : end if end > 0 else None]


@pytest.fixture
def content(medical_editor):
    ada = ReviewerFactory(name="Dr Ada")
    grace = ReviewerFactory(name="Dr Grace")
    overdue = GuideFactory(title="Overdue guide")
    SectionFactory(guide=overdue)
    approve(overdue, ada, -5)
    soon = FaqEntryFactory(question="Soon due question?")
    approve(soon, grace, 10)
    later = CancerIndicationFactory(name="Later cancer")
    approve(later, ada, 200)
    changed = FaqEntryFactory(question="Changed question?")
    approve(changed, grace, 200)
    changed.answer = "<p>Edited after review.</p>"
    changed.save()
    waiting_change = version_capture(obj=changed, user=medical_editor)
    new = FaqEntryFactory(question="Brand new question?")
    waiting_new = version_capture(obj=new, user=medical_editor)
    being_edited = FaqEntryFactory(question="Being edited question?")
    approve(being_edited, grace, 200)
    being_edited.answer = "<p>Saved, not submitted.</p>"
    being_edited.save()
    working_copy_edited(obj=being_edited, user=medical_editor)
    draft_overdue = GuideFactory(title="Withdrawn guide", status="draft")
    approve(draft_overdue, ada, -5)
    return {
        "ada": ada,
        "grace": grace,
        "waiting_change": waiting_change,
        "waiting_new": waiting_new,
    }


def test_dashboard_lists_each_kind_of_work(client, medical_reviewer, content):
    client.force_login(medical_reviewer)
    html = client.get(URL).content.decode()
    overdue = section(html, "overdue")
    assert "Overdue guide" in overdue
    assert "Withdrawn guide" not in overdue  # unpublished: nothing to keep current
    assert "Soon due question?" not in overdue
    assert "Soon due question?" in section(html, "due-soon")
    assert "Later cancer" not in section(html, "due-soon")
    waiting = section(html, "waiting")
    assert "Changed question?" in waiting and "Brand new question?" in waiting
    assert "Being edited question?" not in waiting  # saved, never submitted
    changed = section(html, "changed")
    assert "Being edited question?" in changed


def test_each_changed_item_appears_once_among_the_work_lists(
    client, medical_reviewer, content
):
    """Waiting, edited-not-submitted and sent back never list one item twice."""
    client.force_login(medical_reviewer)
    html = client.get(URL).content.decode()
    rows = [
        row
        for anchor in ("waiting", "changed", "changes-requested")
        for row in section(html, anchor).split('class="dashboard-row"')[1:]
    ]
    for question in ("Changed question?", "Brand new question?", "Being edited"):
        assert sum(question in row for row in rows) == 1, question


def test_a_row_links_straight_to_the_diff_and_the_decision(
    client, medical_reviewer, content, reviewer_profile
):
    client.force_login(medical_reviewer)
    html = section(client.get(URL).content.decode(), "waiting")
    link = content["waiting_change"].get_absolute_url()
    assert f'href="{link}"' in html
    review = client.get(link).content.decode()
    assert "<ins>Edited after review.</ins>" in review
    assert 'value="approve"' in review and 'value="request_changes"' in review


def test_overdue_row_leads_to_confirm_still_accurate(client, medical_reviewer, content):
    client.force_login(medical_reviewer)
    html = section(client.get(URL).content.decode(), "overdue")
    version = ContentVersion.objects.get(title="Overdue guide")
    assert f'href="{version.get_absolute_url()}"' in html
    review = client.get(version.get_absolute_url()).content.decode()
    assert 'value="confirm"' in review


def test_filter_by_reviewer(client, medical_reviewer, content):
    client.force_login(medical_reviewer)
    html = client.get(URL, {"reviewer": content["grace"].pk}).content.decode()
    assert "Overdue guide" not in html
    assert "Soon due question?" in section(html, "due-soon")
    # Never-reviewed content waits for everyone.
    assert "Brand new question?" in section(html, "waiting")


def test_filter_by_kind(client, medical_reviewer, content):
    client.force_login(medical_reviewer)
    html = client.get(URL, {"kind": "guide"}).content.decode()
    assert "Overdue guide" in html
    assert "question?" not in html
    html = client.get(URL, {"kind": "faq"}).content.decode()
    assert "Overdue guide" not in html
    assert "Soon due question?" in html


def test_content_admin_page_flags_overdue_review(client, medical_editor, content):
    guide = GuideFactory._meta.model.objects.get(title="Overdue guide")
    client.force_login(medical_editor)
    html = client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    assert "Medical review" in html
    assert "Overdue for review" in html


def test_a_malformed_filter_shows_everything(client, medical_reviewer, content):
    client.force_login(medical_reviewer)
    response = client.get(URL, {"reviewer": "x'--", "kind": "nonsense"})
    assert response.status_code == 200
    assert "Overdue guide" in response.content.decode()
