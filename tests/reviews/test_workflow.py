"""Nothing reaches patients before a reviewer approves it, and edits wait too."""

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from guides.models import Section
from reviews.models import ContentVersion, ReviewRecord
from tests.admin_forms import field_of, guide_form
from tests.factories import FaqEntryFactory, SectionFactory

from .conftest import faq_form, latest_version, review_form

pytestmark = pytest.mark.django_db
Status = ContentVersion.Status


def edit_section(client, section, submit=False, **changes):
    """Post the guide's page with ``changes`` to one of its sections."""
    data = guide_form(client, section.guide)
    for name, value in changes.items():
        data[field_of(data, section, name)] = value
    if submit:
        data["_submit_review"] = "1"
    return client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)


def review_url(version):
    return f"/admin/reviews/contentversion/{version.pk}/review/"


def test_draft_is_approved_then_an_edit_waits_for_its_own_approval(
    client, medical_editor, medical_reviewer, reviewer_profile
):
    """Draft → approve → public page with review line; edit → page unchanged →
    diff shows the edit → approve → page changes."""
    section = SectionFactory(
        kind=Section.Kind.RICH_TEXT,
        heading="How it works",
        body="<p>Cells are grown for two weeks.</p>",
    )
    guide = section.guide
    url = guide.get_absolute_url()

    client.force_login(medical_editor)
    response = edit_section(client, section, submit=True)
    assert response.status_code == 302
    first = latest_version(guide)
    assert first.number == 1 and first.status == Status.PENDING
    client.logout()
    assert client.get(url).status_code == 404

    client.force_login(medical_reviewer)
    response = client.post(
        review_url(first), review_form([reviewer_profile], "approve")
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(url).content.decode()
    assert "Cells are grown for two weeks." in html
    assert "Reviewed by" in html
    assert "Dr Ada Lovelace (MBBS, FRCP)" in strip_tags(html)
    today = timezone.localdate()
    assert f'Last reviewed <time datetime="{today.isoformat()}">' in html
    assert "Next review due" in html

    client.force_login(medical_editor)
    # Two saves in one sitting, then one submission: one version.
    edit_section(client, section, body="<p>Cells are grown for three weeks.</p>")
    edit_section(client, section, heading="How it works")
    assert latest_version(guide) == first
    edit_section(client, section, submit=True)
    second = latest_version(guide)
    assert second.number == 2 and second.status == Status.PENDING
    client.logout()
    html = client.get(url).content.decode()
    assert "Cells are grown for two weeks." in html
    assert "three weeks" not in html

    client.force_login(medical_reviewer)
    diff = client.get(review_url(second)).content.decode()
    assert "<del>two </del><ins>three </ins>weeks." in diff
    assert "Section 1: How it works" in diff
    client.post(review_url(second), review_form([reviewer_profile], "approve"))
    client.logout()
    html = client.get(url).content.decode()
    assert "Cells are grown for three weeks." in html
    assert "two weeks" not in html
    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED


def test_request_changes_shows_the_comment_to_the_editor_and_nothing_to_patients(
    client, medical_editor, medical_reviewer, reviewer_profile
):
    """The editor reads the reviewer's notes on the FAQ's admin page."""
    entry = FaqEntryFactory(answer="<p>Side effects are mild.</p>")
    client.force_login(medical_editor)
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(entry, _submit_review="1"),
    )
    client.force_login(medical_reviewer)
    client.post(
        review_url(latest_version(entry)),
        review_form([reviewer_profile], "approve"),
    )

    client.force_login(medical_editor)
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(
            entry, answer="<p>Side effects are always mild.</p>", _submit_review="1"
        ),
    )
    version = latest_version(entry)
    client.force_login(medical_reviewer)
    response = client.post(
        review_url(version),
        review_form(
            [reviewer_profile],
            "request_changes",
            notes="Not always: fever is common in the first days.",
        ),
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == Status.CHANGES_REQUESTED
    record = ReviewRecord.objects.get(version=version)
    assert record.outcome == ReviewRecord.Outcome.CHANGES_REQUESTED

    client.force_login(medical_editor)
    page = client.get(f"/admin/faq/faqentry/{entry.pk}/change/").content.decode()
    assert "Changes requested" in page
    assert "Not always: fever is common in the first days." in page
    client.logout()
    public = client.get("/faq/").content.decode()
    assert "Side effects are mild." in public
    assert "always mild" not in public


def test_request_changes_needs_notes(client, medical_reviewer, reviewer_profile):
    entry = FaqEntryFactory()
    from reviews.capture import version_capture

    version = version_capture(obj=entry, user=None)
    client.force_login(medical_reviewer)
    response = client.post(
        review_url(version), review_form([reviewer_profile], "request_changes")
    )
    assert response.status_code == 200
    assert "Say what needs to change" in response.content.decode()
    version.refresh_from_db()
    assert version.status == Status.PENDING
    assert not ReviewRecord.objects.exists()
