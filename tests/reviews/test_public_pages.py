"""Patients see approved versions only; staff preview the working copy."""

import pytest
from django.core.exceptions import ValidationError

from guides.models import Section
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
    approve_all,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_guide():
    """An approved guide whose working copy has an unapproved edit."""
    section = SectionFactory(body="<p>Approved wording.</p>")
    guide = section.guide
    approve(guide)
    section.body = "<p>Unapproved wording.</p>"
    section.save()
    guide.title = "Unapproved title"
    guide.save()
    return guide


def test_published_but_never_approved_content_is_hidden(client, medical_editor):
    guide = SectionFactory().guide
    entry = FaqEntryFactory(question="Unapproved question?")
    indication = CancerIndicationFactory(name="Unapproved cancer")
    assert client.get(guide.get_absolute_url()).status_code == 404
    assert client.get(indication.get_absolute_url()).status_code == 404
    for path in ("/", "/guides/", "/cancers/", "/faq/"):
        html = client.get(path).content.decode()
        assert guide.title not in html
        assert "Unapproved cancer" not in html
        assert entry.question not in html
    client.force_login(medical_editor)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Waiting for medical review." in html
    assert '<meta name="robots" content="noindex">' in html


def test_patients_see_the_approved_version_everywhere(client, changed_guide):
    changed_guide.featured = True
    changed_guide.save()
    html = client.get(changed_guide.get_absolute_url()).content.decode()
    assert "Approved wording." in html and "Unapproved" not in html
    for path in ("/", "/guides/"):
        html = client.get(path).content.decode()
        assert "Guide number" in html and "Unapproved title" not in html


def test_staff_preview_shows_the_working_copy_with_a_banner(
    client, medical_reviewer, changed_guide
):
    client.force_login(medical_reviewer)
    html = client.get(changed_guide.get_absolute_url()).content.decode()
    assert "Unapproved wording." in html
    assert "Preview of changes not yet approved." in html
    assert '<meta name="robots" content="noindex">' in html
    patient = client.get(f"{changed_guide.get_absolute_url()}?as=patient")
    assert "Approved wording." in patient.content.decode()
    assert "Preview of changes" not in patient.content.decode()


def test_staff_see_no_banner_when_the_working_copy_is_approved(client, medical_editor):
    guide = SectionFactory().guide
    approve(guide)
    client.force_login(medical_editor)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' not in html


def test_guide_page_shows_approved_faq_answers_not_working_copies(client):
    section = SectionFactory(kind=Section.Kind.FAQ, heading="Questions")
    entry = FaqEntryFactory(answer="<p>Approved answer.</p>")
    SectionItemFactory(section=section, faq_entry=entry)
    approve_all()
    entry.answer = "<p>Draft answer.</p>"
    entry.save()
    html = client.get(section.guide.get_absolute_url()).content.decode()
    assert "Approved answer." in html and "Draft answer." not in html


def test_indication_page_and_cards_show_the_approved_text(client):
    indication = CancerIndicationFactory(
        name="Gastric cancer", summary="<p>Approved summary.</p>"
    )
    section = SectionFactory(kind=Section.Kind.INDICATIONS, heading="Cancers")
    SectionItemFactory(section=section, indication=indication)
    approve_all()
    indication.name = "Renamed cancer"
    indication.summary = "<p>Unapproved summary.</p>"
    indication.evidence_strength = "randomised_mixed"
    indication.save()
    for url in (indication.get_absolute_url(), section.guide.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Gastric cancer" in html
        assert "Renamed cancer" not in html
        assert "Randomised trials, mixed results" not in html
    assert (
        "Approved summary."
        in client.get(indication.get_absolute_url()).content.decode()
    )


def test_unpublishing_hides_approved_content_at_once(client):
    guide = SectionFactory().guide
    approve(guide)
    guide.status = "draft"
    guide.save()
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_references_are_listed_and_linked_from_key_numbers(client):
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    guide = section.guide
    number = SectionItemFactory(section=section, figure="14–21 days", title="Growth")
    study = CitationFactory(title="Expansion of CIK cells", pmid="12345678")
    number.citations.add(study)
    review = CitationFactory(
        title="A review", pmid="", doi="10.1000/xyz123", url="https://example.org/r"
    )
    review.guides.add(guide)
    approve(guide)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert '<a href="#ref-1" aria-label="Reference 1">1</a>' in html
    assert '<li id="ref-1">Expansion of CIK cells.' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in html
    assert '<li id="ref-2">A review.' in html
    assert 'href="https://doi.org/10.1000/xyz123"' in html
    assert 'href="https://example.org/r"' in html


def test_the_approved_version_keeps_the_references_its_reviewer_saw(client):
    guide = SectionFactory().guide
    citation = CitationFactory(title="Original study title")
    citation.guides.add(guide)
    approve(guide)
    citation.title = "Renamed study"
    citation.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Original study title" in html and "Renamed study" not in html


def test_a_citation_needs_a_way_to_find_it():
    citation = CitationFactory.build(pmid="", doi="", url="")
    with pytest.raises(ValidationError) as excinfo:
        citation.full_clean()
    assert excinfo.value.error_dict["__all__"][0].code == "identifier_required"


def test_a_script_url_saved_past_validation_never_becomes_a_link(client):
    guide = SectionFactory().guide
    CitationFactory(url="javascript:alert(1)").guides.add(guide)
    approve(guide)
    assert "javascript:" not in client.get(guide.get_absolute_url()).content.decode()


def test_draft_guide_can_be_approved_before_it_is_published(client):
    guide = GuideFactory(status="draft")
    SectionFactory(guide=guide, body="<p>Ready.</p>")
    approve(guide)
    assert client.get(guide.get_absolute_url()).status_code == 404
    guide.status = "published"
    guide.save()
    assert "Ready." in client.get(guide.get_absolute_url()).content.decode()
