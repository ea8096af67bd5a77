"""What the medical team sees at a glance: lists, home pages, reading level, dates."""

import dataclasses
import datetime

import pytest
from django.utils import formats, timezone
from django.utils.translation import override

from cancerfax import roles
from reviews import registry
from reviews.capture import version_capture, working_copy_edited
from reviews.readability import reading_level
from reviews.services import version_approve, version_request_changes
from tests.conftest import make_user
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    approve,
)

pytestmark = pytest.mark.django_db
EASY = (
    "We take some of your blood. We grow the cells in a lab for two weeks. "
    "Then we give them back to you through a drip in your arm. It takes an hour."
)
HARD = (
    "Cytokine-induced killer cell immunotherapy constitutes an adoptive "
    "immunotherapeutic modality wherein autologous peripheral mononuclear "
    "lymphocytes undergo ex vivo expansion utilising interferon-gamma, "
    "interleukin-2 and anti-CD3 monoclonal antibodies before reinfusion."
)


def test_guide_list_shows_live_waiting_and_overdue_with_words(client, medical_editor):
    overdue = GuideFactory(title="Overdue guide")
    version = version_capture(obj=overdue, user=None)
    today = timezone.localdate()
    version_approve(
        version=version,
        user=None,
        reviewers=[ReviewerFactory()],
        reviewed_on=today - datetime.timedelta(days=400),
        next_review_due=today - datetime.timedelta(days=3),
    )
    overdue.lede = "Changed."
    overdue.save()
    version_capture(obj=overdue, user=medical_editor)
    client.force_login(medical_editor)
    html = client.get("/admin/guides/guide/").text
    row = next(row for row in html.split("<tr") if "Overdue guide" in row)
    assert "Version 1" in row
    assert "Version 2: waiting for review" in row
    due = formats.date_format(today - datetime.timedelta(days=3), "j M Y")
    assert f'{due} <strong class="review-flag review-flag--overdue">Overdue' in row


@pytest.mark.parametrize(
    "path",
    ["/admin/faq/faqentry/", "/admin/guides/cancerindication/", "/admin/topics/topic/"],
)
def test_every_reviewed_list_has_the_review_columns(client, medical_editor, path):
    FaqEntryFactory()
    CancerIndicationFactory()
    client.force_login(medical_editor)
    html = client.get(path).text
    for header in ("Patients see", "Waiting", "Next review due"):
        assert header in html


def test_unsubmitted_edits_filter_lists_only_mine(client, medical_editor, superuser):
    mine, theirs = GuideFactory(title="Mine"), GuideFactory(title="Theirs")
    working_copy_edited(obj=mine, user=medical_editor)
    working_copy_edited(obj=theirs, user=superuser)
    client.force_login(medical_editor)
    html = client.get("/admin/guides/guide/?review=mine").text
    assert ">Mine<" in html and ">Theirs<" not in html


def sent_back(guide, *, edited_by, submitted_by):
    """A version of ``guide`` with ``edited_by``'s edit; a reviewer sent it back."""
    working_copy_edited(obj=guide, user=edited_by)
    guide.lede = f"Edited by {edited_by}."
    guide.save()
    version = version_capture(obj=guide, user=submitted_by)
    version_request_changes(
        version=version, user=None, reviewers=[ReviewerFactory()], notes="Not yet."
    )
    return version


def test_editor_home_counts_drafts_and_changes_requested(
    client, medical_editor, django_user_model
):
    """Changes requested count only versions this editor submitted or edited."""
    editor = medical_editor
    guide = GuideFactory(title="CIK guide")
    working_copy_edited(obj=guide, user=editor)
    colleague = make_user(django_user_model, "editor2", roles.MEDICAL_EDITOR)
    submitted = sent_back(GuideFactory(), edited_by=colleague, submitted_by=editor)
    edited = sent_back(GuideFactory(), edited_by=editor, submitted_by=colleague)
    theirs = sent_back(GuideFactory(), edited_by=colleague, submitted_by=colleague)
    client.force_login(editor)
    html = client.get("/admin/").text
    assert "Your editing" in html
    assert (
        '<a href="/admin/guides/guide/?review=mine"><strong class="home-panel__count">1'
        in html
    )
    mine = "/admin/guides/guide/?review=changes_requested_mine"
    assert f'<a href="{mine}"><strong class="home-panel__count">2<' in html
    # The figure links to the same two guides.
    listed = client.get(mine).text
    for version in (submitted, edited):
        assert f"/admin/guides/guide/{version.object_id}/change/" in listed
    assert f"/admin/guides/guide/{theirs.object_id}/change/" not in listed
    # One click from the home page to the guide's editor.
    assert "<h3>Edit a guide</h3>" in html
    assert f'href="/admin/guides/guide/{guide.pk}/change/">CIK guide<' in html
    assert "Your reviews" not in html and "Your inquiries" not in html


def test_the_editors_shortcuts_are_the_kind_registered_with_one(
    client, medical_editor, monkeypatch
):
    """reviews names no kind: the shortcut list comes from the registry."""
    guide = GuideFactory(title="CIK guide")
    question = FaqEntryFactory()
    for kind, shortcut in (("guide", ""), ("faq", "Edit a question")):
        registered = registry.reviewed_kind(kind)
        monkeypatch.setitem(
            registry._BY_KIND, kind, dataclasses.replace(registered, shortcut=shortcut)
        )
    client.force_login(medical_editor)
    html = client.get("/admin/").text
    assert "Edit a guide" not in html
    assert f"/admin/guides/guide/{guide.pk}/change/" not in html
    assert "<h3>Edit a question</h3>" in html
    assert f'href="/admin/faq/faqentry/{question.pk}/change/"' in html


def test_reviewer_home_counts_what_waits_for_them(
    client, medical_reviewer, reviewer_profile
):
    version_capture(obj=FaqEntryFactory(), user=None)
    client.force_login(medical_reviewer)
    html = client.get("/admin/").text
    url = f"/admin/reviews/reviewdashboard/?reviewer={reviewer_profile.pk}#waiting"
    assert f'<a href="{url}"><strong class="home-panel__count">1</strong>' in html
    assert "overdue for review" in html and "Your editing" not in html


def test_coordinator_home_counts_inquiries(client, coordinator):
    client.force_login(coordinator)
    html = client.get("/admin/").text
    assert "Your inquiries" in html
    for query in ("status__exact=new", "assignee=mine", "assignee=none", "overdue=yes"):
        assert f'href="/admin/inquiries/inquiry/?{query}"' in html
    assert "Your editing" not in html and "Your reviews" not in html


def test_reading_level_tells_easy_from_hard_text():
    easy, hard = reading_level(EASY), reading_level(HARD)
    assert easy.verdict in ("within", "easier") and easy.age <= 11
    assert hard.verdict == "harder" and hard.age > 15
    assert reading_level("Too short.") is None


def test_editor_and_diff_show_reading_level_of_text_sections(client, medical_editor):
    section = SectionFactory(body=f"<p>{HARD}</p>")
    approve(section.guide)
    client.force_login(medical_editor)
    html = client.get(f"/admin/guides/guide/{section.guide_id}/change/").text
    assert "Harder than the target" in html
    section.body = f"<p>{EASY}</p>"
    section.save()
    version = version_capture(obj=section.guide, user=medical_editor)
    diff = client.get(version.get_absolute_url()).text
    assert "Reading level: before grade" in diff
    assert "(target: reading age 9–11)" in diff


def test_dates_are_british_everywhere():
    day = datetime.datetime(2026, 11, 29, 14, 5, tzinfo=datetime.UTC)
    with override("en-gb"):
        assert formats.date_format(day, "DATE_FORMAT") == "29 Nov 2026"
        assert formats.date_format(day, "DATETIME_FORMAT") == "29 Nov 2026, 14:05"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "29/11/2026"


def test_the_admin_speaks_british_english(client, medical_editor):
    client.force_login(medical_editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-us")
    assert response.headers["Content-Language"] == "en-gb"
