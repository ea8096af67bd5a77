"""Saving content captures a version only when it changed, and classifies it."""

import pytest
from django.core.exceptions import ValidationError

from guides.models import Section
from reviews.models import ContentVersion, ReviewRecord
from reviews.services import (
    version_approve,
    version_capture,
    version_publish_minor_change,
)
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
)

from .conftest import faq_form, latest_version, review_form

pytestmark = pytest.mark.django_db
Status = ContentVersion.Status


def approved(obj):
    version = version_capture(obj=obj, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    return version


def test_unchanged_content_captures_nothing():
    entry = FaqEntryFactory()
    first = version_capture(obj=entry, user=None)
    assert first.number == 1
    assert version_capture(obj=entry, user=None) is None
    entry.order = 5  # arranges the page; not part of the reviewed content
    entry.save()
    assert version_capture(obj=entry, user=None) is None
    assert ContentVersion.objects.count() == 1


def test_a_new_version_supersedes_the_one_still_waiting():
    entry = FaqEntryFactory()
    first = version_capture(obj=entry, user=None)
    entry.answer = "<p>Changed.</p>"
    entry.save()
    second = version_capture(obj=entry, user=None)
    first.refresh_from_db()
    assert (first.status, second.status) == (Status.SUPERSEDED, Status.PENDING)
    assert second.number == 2


def test_undoing_an_edit_withdraws_the_waiting_version():
    entry = FaqEntryFactory(answer="<p>Approved text.</p>")
    approved(entry)
    entry.answer = "<p>An edit.</p>"
    entry.save()
    waiting = version_capture(obj=entry, user=None)
    entry.answer = "<p>Approved text.</p>"
    entry.save()
    assert version_capture(obj=entry, user=None) is None
    waiting.refresh_from_db()
    assert waiting.status == Status.SUPERSEDED
    assert not ContentVersion.objects.filter(status=Status.PENDING).exists()
    entry.answer = "<p>An edit.</p>"
    entry.save()
    assert version_capture(obj=entry, user=None).status == Status.PENDING


@pytest.mark.parametrize(
    ("change", "non_clinical"),
    [
        (lambda g, cta, text: setattr(cta, "button_label", "Write to us"), True),
        (lambda g, cta, text: setattr(cta, "intro", "We reply fast."), True),
        (lambda g, cta, text: setattr(g, "meta_description", "For search"), True),
        (lambda g, cta, text: setattr(text, "body", "<p>New claim.</p>"), False),
        (lambda g, cta, text: setattr(g, "lede", "A new lede."), False),
        (lambda g, cta, text: setattr(g, "title", "A new title"), False),
    ],
)
def test_changes_are_classified_as_clinical_or_not(change, non_clinical):
    guide = GuideFactory()
    cta = SectionFactory(
        guide=guide,
        kind=Section.Kind.CALL_TO_ACTION,
        heading="Ask",
        button_label="Send",
    )
    text = SectionFactory(guide=guide, kind=Section.Kind.RICH_TEXT)
    approved(guide)
    change(guide, cta, text)
    for obj in (guide, cta, text):
        obj.save()
    assert version_capture(obj=guide, user=None).non_clinical_only is non_clinical


def test_a_first_version_is_never_non_clinical():
    guide = SectionFactory(kind=Section.Kind.CALL_TO_ACTION, button_label="x").guide
    assert version_capture(obj=guide, user=None).non_clinical_only is False


def test_minor_change_path_refuses_clinical_changes():
    entry = FaqEntryFactory()
    approved(entry)
    entry.answer = "<p>A clinical change.</p>"
    entry.save()
    version = version_capture(obj=entry, user=None)
    with pytest.raises(ValidationError) as excinfo:
        version_publish_minor_change(version=version, user=None)
    assert excinfo.value.code == "clinical_change"


def test_editor_publishes_a_non_clinical_change_from_the_review_page(
    client, medical_editor
):
    cta = SectionFactory(
        kind=Section.Kind.CALL_TO_ACTION, heading="Ask", button_label="Send records"
    )
    approved(cta.guide)
    client.force_login(medical_editor)
    client.post(
        f"/admin/guides/section/{cta.pk}/change/",
        {
            "order": cta.order,
            "kind": cta.kind,
            "heading": "Ask",
            "intro": "",
            "button_label": "Ask about your case",
        },
    )
    version = latest_version(cta.guide)
    assert version.non_clinical_only
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    html = client.get(url).content.decode()
    assert 'value="minor"' in html
    assert 'value="approve"' not in html
    response = client.post(url, {"action": "minor", "notes": "Button wording"})
    assert response.status_code == 302
    record = ReviewRecord.objects.get(version=version)
    assert record.kind == ReviewRecord.Kind.MINOR
    assert record.recorded_by == medical_editor
    client.logout()
    assert (
        "Ask about your case"
        in client.get(cta.guide.get_absolute_url()).content.decode()
    )


def test_editor_cannot_approve_clinical_changes(client, medical_editor):
    entry = FaqEntryFactory()
    version = version_capture(obj=entry, user=None)
    client.force_login(medical_editor)
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    assert client.get(url).status_code == 200
    for action in ("approve", "minor", "request_changes"):
        assert client.post(url, review_form([], action)).status_code == 403
    assert not ReviewRecord.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "staff_without_role"])
def test_review_pages_are_closed_to_other_staff(client, request, role):
    version = version_capture(obj=FaqEntryFactory(), user=None)
    client.force_login(request.getfixturevalue(role))
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    assert client.get(url).status_code == 403
    assert client.get("/admin/reviews/reviewdashboard/").status_code == 403


def test_saving_in_each_content_admin_captures_a_version(client, medical_editor):
    """Guide, section with items, FAQ, cancer type and citation saves."""
    client.force_login(medical_editor)
    entry = FaqEntryFactory()
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(entry, answer="<p>Changed in the admin.</p>"),
    )
    assert latest_version(entry).snapshot["answer"] == (
        "<p>Changed in the admin.</p>"
    )

    indication = CancerIndicationFactory()
    response = client.post(
        f"/admin/guides/cancerindication/{indication.pk}/change/",
        {
            "name": indication.name,
            "slug": indication.slug,
            "status": "published",
            "order": 0,
            "summary": "<p>A new summary.</p>",
            "evidence_strength": "emerging",
            "evidence_overview": "",
            "meta_description": "",
        },
    )
    assert response.status_code == 302
    snapshot = latest_version(indication).snapshot
    assert snapshot["summary"] == "<p>A new summary.</p>"

    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    citation = CitationFactory()
    response = client.post(
        f"/admin/guides/section/{section.pk}/change/",
        {
            "order": section.order,
            "kind": section.kind,
            "heading": "Numbers",
            "intro": "",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-order": "1",
            "items-0-figure": "14–21 days",
            "items-0-title": "Expansion",
            "items-0-text": "",
            "items-0-source": "",
            "items-0-citations": [citation.pk],
        },
    )
    assert response.status_code == 302
    snapshot = latest_version(section.guide).snapshot
    item = snapshot["sections"][0]["items"][0]
    assert item["figure"] == "14–21 days"
    assert item["citation_ids"] == [citation.pk]
    assert snapshot["references"][0]["pmid"] == citation.pmid

    before = latest_version(section.guide).number
    client.post(
        f"/admin/reviews/citation/{citation.pk}/change/",
        {
            "title": "A corrected title",
            "source": citation.source,
            "year": citation.year,
            "pmid": citation.pmid,
            "doi": "",
            "url": "",
        },
    )
    after = latest_version(section.guide)
    assert after.number == before + 1
    assert after.snapshot["references"][0]["title"] == "A corrected title"


def test_deleting_a_section_captures_its_guide(client, medical_editor):
    guide = GuideFactory()
    keep = SectionFactory(guide=guide, heading="Stays")
    gone = SectionFactory(guide=guide, heading="Goes")
    SectionItemFactory(section=keep)
    approved(guide)
    client.force_login(medical_editor)
    client.post(f"/admin/guides/section/{gone.pk}/delete/", {"post": "yes"})
    version = latest_version(guide)
    assert version.status == Status.PENDING
    assert [s["heading"] for s in version.snapshot["sections"]] == ["Stays"]
