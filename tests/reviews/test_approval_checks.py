"""A kind may refuse approval of content that is not ready: uncited key numbers."""

import pytest
from django.core.exceptions import ValidationError

from guides.models import Section
from reviews.capture import version_capture
from reviews.models import ContentVersion, ReviewRecord
from reviews.services import review_confirm_current, version_approve
from tests.factories import (
    CitationFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
)

pytestmark = pytest.mark.django_db


def numbers_section():
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    cited = SectionItemFactory(section=section, figure="230", title="people")
    cited.citations.add(CitationFactory())
    return section


def test_approval_refuses_uncited_key_numbers_and_names_them():
    """The refusal lists each uncited figure and none of the cited ones."""
    section = numbers_section()
    SectionItemFactory(section=section, figure="100+", title="trials")
    SectionItemFactory(section=section, figure="14–21 days", title="to grow")
    version = version_capture(obj=section.guide, user=None)

    with pytest.raises(ValidationError) as refused:
        version_approve(version=version, user=None, reviewers=[ReviewerFactory()])

    assert refused.value.code == "uncited_number"
    (message,) = refused.value.messages
    assert "“100+”, “14–21 days”" in message
    assert "230" not in message
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.PENDING
    assert not ReviewRecord.objects.exists()


def test_a_free_text_source_line_is_not_a_citation():
    section = numbers_section()
    SectionItemFactory(section=section, figure="100+", source="Various studies")
    version = version_capture(obj=section.guide, user=None)
    with pytest.raises(ValidationError, match="“100\\+”"):
        version_approve(version=version, user=None, reviewers=[ReviewerFactory()])


def test_approval_goes_through_once_every_key_number_cites_a_source():
    section = numbers_section()
    version = version_capture(obj=section.guide, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.APPROVED


def test_other_kinds_are_approved_without_the_check():
    """Only guides register the check: a plain text section needs no citation."""
    guide = SectionFactory().guide
    version = version_capture(obj=guide, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    assert ReviewRecord.objects.filter(version=version).exists()


def test_confirming_an_approved_version_runs_the_same_checks():
    """A version approved before the check existed is not confirmed as it is."""
    section = numbers_section()
    SectionItemFactory(section=section, figure="100+", title="trials")
    version = version_capture(obj=section.guide, user=None)
    ContentVersion.objects.filter(pk=version.pk).update(
        status=ContentVersion.Status.APPROVED
    )
    with pytest.raises(ValidationError, match="“100\\+”") as refused:
        review_confirm_current(
            version=version, user=None, reviewers=[ReviewerFactory()]
        )
    assert refused.value.code == "uncited_number"
    assert not ReviewRecord.objects.exists()
