"""The evidence check: claims without a source are named, and approved only with
a source or a reviewer's reason kept in the review record."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from reviews.capture import version_capture
from reviews.evidence import (
    TextPart,
    claim_kinds,
    findings_of,
    sentences,
    uncited_claims,
)
from reviews.models import ContentVersion, ReviewRecord
from reviews.services import version_approve
from tests.conftest import examples
from tests.factories import (
    CitationFactory,
    FaqEntryFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
)


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The cancer came back in 13.6 months.", ["number"]),
        ("About 39% of people responded.", ["number", "percentage"]),
        ("It was studied in more than twenty countries.", ["number", "comparison"]),
        ("CIK is safer than CAR-T.", ["comparison"]),
        ("The best results come from combination.", ["comparison"]),
        ("It can cure some cancers.", ["efficacy"]),
        ("People lived longer.", ["comparison"]),
        ("There was no difference in survival.", ["efficacy"]),
        ("It is proven and effective.", ["efficacy"]),
        ("It does not carry a risk of CRS.", ["efficacy"]),
        ("Many carry CD3 and CD56, and release IL-2 and IFN-γ.", []),
        ("The NKG2D receptor finds MICA/MICB.", []),
        ("Is it safer than chemotherapy?", []),
        ("Call +44 20 7946 0000, Monday to Friday, 9:00 to 18:00.", []),
        ("A sample of your blood is taken.", []),
    ],
)
def test_claims_are_recognised_by_their_words(sentence, kinds):
    assert claim_kinds(sentence) == kinds


def test_a_number_in_a_heading_is_no_claim_but_its_words_are():
    assert claim_kinds("Step 1: collecting blood", heading=True) == []
    assert claim_kinds("Better survival with CIK", heading=True) == [
        "comparison",
        "efficacy",
    ]


def test_sentences_split_rich_text_and_keep_their_markers():
    """Block ends split sentences; a marker typed after the full stop belongs
    to the sentence before it; list numbers stay with their words."""
    html = (
        "<p>The cancer came back later.[ref:a-1] Survival was no different. "
        "[ref:b-2]</p><ul><li>First point</li><li>1. Second point</li></ul>"
    )
    assert sentences(html) == [
        "The cancer came back later[ref:a-1].",
        "Survival was no different [ref:b-2].",
        "First point",
        "1. Second point",
    ]


def test_uncited_claims_names_each_sentence_and_where_it_stands():
    parts = [
        TextPart("Answer", "<p>It is safe. It cures 50% of people.</p>"),
        TextPart("Lede", "Survival was longer [ref:trial-1]."),
        TextPart("Key number", "230 people", sourced=True),
    ]
    (finding,) = uncited_claims(parts)
    assert (finding.part, finding.sentence) == ("Answer", "It cures 50% of people.")


WORDS = st.sampled_from(
    ["cells", "the", "blood", "grown", "given", "back", "tumour", "your", "own"]
)
CLAIMS = st.sampled_from(["25%", "cure", "better", "survival", "risk", "3 trials"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=examples(60), deadline=None)
@given(words=SENTENCE, claim=CLAIMS, cite=st.booleans())
def test_a_claim_is_found_exactly_when_it_carries_no_marker(words, claim, cite):
    marker = " [ref:study-1]" if cite else ""
    text = f"{words.capitalize()} {claim}{marker}. {words.capitalize()}."
    findings = uncited_claims([TextPart("Text", text)])
    assert len(findings) == (0 if cite else 1)


@settings(max_examples=examples(60), deadline=None)
@given(text=st.lists(SENTENCE, max_size=6).map(lambda s: ". ".join(s) + "."))
def test_plain_words_make_no_claim(text):
    assert uncited_claims([TextPart("Text", text)]) == []


@pytest.mark.django_db
class TestApproval:
    """Approving a version whose text makes a claim without a source."""

    def waiting_answer(self, answer):
        entry = FaqEntryFactory(answer=answer)
        return version_capture(obj=entry, user=None)

    def test_approval_is_refused_naming_each_uncited_sentence(self):
        version = self.waiting_answer(
            "<p>CIK is the safer of the two. It works for everyone.</p>"
        )
        with pytest.raises(ValidationError) as refused:
            version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
        assert refused.value.code == "uncited_claims"
        (message,) = refused.value.messages
        assert "“CIK is the safer of the two.” (Answer)" in message
        assert "everyone" not in message
        version.refresh_from_db()
        assert version.status == ContentVersion.Status.PENDING
        assert not ReviewRecord.objects.exists()

    def test_a_blank_reason_is_no_reason(self):
        version = self.waiting_answer("<p>CIK is the safer of the two.</p>")
        (finding,) = findings_of(version.reviewed, version.content)
        with pytest.raises(ValidationError, match="safer of the two"):
            version_approve(
                version=version,
                user=None,
                reviewers=[ReviewerFactory()],
                no_source_reasons={finding.key: "   "},
            )

    def test_a_reason_for_each_claim_approves_and_is_kept_in_the_record(self):
        version = self.waiting_answer("<p>Ask about the risks for you.</p>")
        (finding,) = findings_of(version.reviewed, version.content)
        record = version_approve(
            version=version,
            user=None,
            reviewers=[ReviewerFactory()],
            no_source_reasons={finding.key: "Advice, no finding."},
        )
        assert record.no_source_reasons == [
            {
                "part": "Answer",
                "sentence": "Ask about the risks for you.",
                "reason": "Advice, no finding.",
            }
        ]

    def test_a_cited_claim_needs_no_reason(self):
        CitationFactory(key="trial-2016")
        version = self.waiting_answer(
            "<p>Survival was no different [ref:trial-2016].</p>"
        )
        record = version_approve(
            version=version, user=None, reviewers=[ReviewerFactory()]
        )
        assert record.no_source_reasons == []

    def test_a_key_number_with_a_citation_counts_as_cited(self):
        section = SectionFactory(kind="key_numbers", heading="Numbers")
        item = SectionItemFactory(
            section=section, figure="230", title="people", text="In 3 trials."
        )
        item.citations.add(CitationFactory())
        version = version_capture(obj=section.guide, user=None)
        assert findings_of(version.reviewed, version.content) == []


@pytest.mark.django_db
def test_the_review_page_names_each_claim_and_approves_with_the_reasons_typed(
    client, medical_editor, reviewer_profile
):
    """Approving without a reason keeps the page with the sentence named; with
    a reason typed beside it the version is approved and the record keeps it."""
    from .conftest import review_form

    entry = FaqEntryFactory(answer="<p>It is the best choice for most people.</p>")
    version = version_capture(obj=entry, user=medical_editor)
    (finding,) = findings_of(version.reviewed, version.content)
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    client.force_login(reviewer_profile.user)

    page = client.get(url).content.decode()
    assert "Claims without a source" in page
    assert f'name="no-source:{finding.key}"' in page

    refused = client.post(url, review_form([reviewer_profile], "approve"))
    assert refused.status_code == 200
    assert "“It is the best choice for most people.” (Answer)" in (
        refused.content.decode()
    )
    assert not ReviewRecord.objects.exists()

    approved = client.post(
        url,
        review_form(
            [reviewer_profile],
            "approve",
            **{f"no-source:{finding.key}": "Our own advice to the reader."},
        ),
    )
    assert approved.status_code == 302
    (record,) = ReviewRecord.objects.all()
    assert record.no_source_reasons[0]["reason"] == "Our own advice to the reader."


@pytest.mark.django_db
def test_the_editor_is_told_each_uncited_claim_on_submitting(client, medical_editor):
    from .conftest import faq_form

    entry = FaqEntryFactory()
    client.force_login(medical_editor)
    response = client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(
            entry,
            answer="<p>It cures most people. It is given by drip.</p>",
            _submit_review="1",
        ),
        follow=True,
    )
    (warning,) = [
        str(m) for m in response.context["messages"] if m.level_tag == "warning"
    ]
    assert "“It cures most people.” (Answer)" in warning
    assert "drip" not in warning
