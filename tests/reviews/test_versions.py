"""Saving content captures a version only when it changed, and classifies it."""

import pytest
from django.core.exceptions import ValidationError

from guides.models import Section
from reviews.admin_content import FINGERPRINT, content_fingerprint, reviewed_snapshot
from reviews.capture import version_capture
from reviews.models import ContentVersion, ReviewRecord, WorkingCopyEdit
from reviews.services import version_approve, version_publish_minor_change
from tests.admin_forms import field_of, guide_form
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


def test_a_first_version_is_never_arrangement_only():
    guide = SectionFactory(kind=Section.Kind.CALL_TO_ACTION, button_label="x").guide
    assert version_capture(obj=guide, user=None).arrangement_only is False


def test_minor_change_path_refuses_changed_words():
    entry = FaqEntryFactory()
    approved(entry)
    entry.answer = "<p>A clinical change.</p>"
    entry.save()
    version = version_capture(obj=entry, user=None)
    with pytest.raises(ValidationError) as excinfo:
        version_publish_minor_change(version=version, user=None)
    assert excinfo.value.code == "words_changed"


def test_editor_publishes_an_arrangement_change_from_the_review_page(
    client, medical_editor
):
    cta = SectionFactory(
        order=1,
        kind=Section.Kind.CALL_TO_ACTION,
        heading="Ask",
        button_label="Send records",
    )
    SectionFactory(guide=cta.guide, order=2)
    text = cta.guide.sections.get(order=2)
    approved(cta.guide)
    client.force_login(medical_editor)
    data = guide_form(client, cta.guide)
    # Moved below the text (what Move down does to the hidden fields): no new words.
    data[field_of(data, cta, "order")] = "1"
    data[field_of(data, text, "order")] = "0"
    client.post(
        f"/admin/guides/guide/{cta.guide_id}/change/",
        {**data, "_submit_review": "1"},
    )
    version = latest_version(cta.guide)
    assert version.arrangement_only
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


def test_each_content_admin_saves_a_working_copy_and_submits_a_version(
    client, medical_editor
):
    """FAQ, cancer type, guide with items and citation: save, then submit."""
    client.force_login(medical_editor)
    entry = FaqEntryFactory()
    url = f"/admin/faq/faqentry/{entry.pk}/change/"
    client.post(url, faq_form(entry, answer="<p>Changed in the admin.</p>"))
    assert latest_version(entry) is None
    assert WorkingCopyEdit.objects.of(entry).unsubmitted().count() == 1
    entry.refresh_from_db()
    client.post(url, faq_form(entry, _submit_review="1", review_note="Clearer."))
    version = latest_version(entry)
    assert version.snapshot["answer"] == "<p>Changed in the admin.</p>"
    assert (version.note, version.created_by) == ("Clearer.", medical_editor)
    assert not WorkingCopyEdit.objects.of(entry).unsubmitted().exists()

    indication = CancerIndicationFactory()
    response = client.post(
        f"/admin/guides/cancerindication/{indication.pk}/change/",
        {
            "name": indication.name,
            "slug": indication.slug,
            "status": "published",
            "order": 0,
            "summary": "<p>A new summary.</p>",
            "evidence_strength": "early",
            "evidence_overview": "",
            "meta_description": "",
            "_submit_review": "1",
            FINGERPRINT: content_fingerprint(reviewed_snapshot(indication)),
        },
    )
    assert response.status_code == 302
    snapshot = latest_version(indication).snapshot
    assert snapshot["summary"] == "<p>A new summary.</p>"

    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    citation = CitationFactory()
    data = guide_form(client, section.guide)
    prefix = field_of(data, section, "heading").replace("heading", "items-")
    data.update(
        {
            f"{prefix}TOTAL_FORMS": "1",
            f"{prefix}0-order": "0",
            f"{prefix}0-figure": "14–21 days",
            f"{prefix}0-title": "Expansion",
            f"{prefix}0-citations": [citation.pk],
            "_submit_review": "1",
        }
    )
    response = client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    snapshot = latest_version(section.guide).snapshot
    item = snapshot["sections"][0]["items"][0]
    assert item["figure"] == "14–21 days"
    assert item["citation_ids"] == [citation.pk]
    assert snapshot["references"][0]["pmid"] == citation.pmid

    before = latest_version(section.guide).number
    client.post(
        f"/admin/guides/citation/{citation.pk}/change/",
        {
            "key": citation.key,
            "title": "A corrected title",
            "source": citation.source,
            "year": citation.year,
            "pmid": citation.pmid,
            "doi": "",
            "url": "",
        },
    )
    assert latest_version(section.guide).number == before
    assert WorkingCopyEdit.objects.of(section.guide).unsubmitted().exists()
    client.post(
        f"/admin/guides/guide/{section.guide_id}/change/",
        {**guide_form(client, section.guide), "_submit_review": "1"},
    )
    after = latest_version(section.guide)
    assert after.number == before + 1
    assert after.snapshot["references"][0]["title"] == "A corrected title"


def test_removing_a_section_on_the_guide_page_is_in_the_next_version(
    client, medical_editor
):
    guide = GuideFactory()
    keep = SectionFactory(guide=guide, heading="Stays")
    gone = SectionFactory(guide=guide, heading="Goes")
    SectionItemFactory(section=keep)
    approved(guide)
    client.force_login(medical_editor)
    data = guide_form(client, guide)
    data[field_of(data, gone, "DELETE")] = "on"
    data["_submit_review"] = "1"
    client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    version = latest_version(guide)
    assert version.status == Status.PENDING
    assert [s["heading"] for s in version.snapshot["sections"]] == ["Stays"]
