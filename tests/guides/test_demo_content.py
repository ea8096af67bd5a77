"""The demo content as `load_demo` leaves it: complete, every section valid, the
seed's facts on the pages, and every figure with its source. Loaded once for the
module (``module_demo``)."""

import html
import re

import pytest

from faq.models import FaqEntry
from guides import demo_content
from guides.models import CancerIndication, Guide, Section, SectionItem
from reviews.citing import has_marker
from reviews.evidence import sentences

from .demo_texts import demo_strings, demo_texts, normalise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(module_demo):
    """Every test of the module reads the one copy of the demo content."""


CIK_URL = f"/guides/{demo_content.CIK_GUIDE}/"


RELATED_SLUGS = [
    demo_content.COMPARISON_GUIDE,
    demo_content.MANUFACTURING_GUIDE,
    demo_content.LIVER_GUIDE,
]


CANCER_NAMES = [
    "Hepatocellular carcinoma",
    "Non-small cell lung cancer",
    "Gastric cancer",
    "Colorectal cancer",
    "Renal cell carcinoma",
    "Nasopharyngeal carcinoma",
]


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(html.unescape(response.content.decode()).split())


def test_cik_guide_is_published_featured_and_has_every_section_kind(demo):
    """The demo guide uses every kind of section, in the seed page's order."""
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    assert guide.is_published()
    assert guide.featured
    assert guide.topic.name == "CIK cell therapy"
    kinds = list(guide.sections.values_list("kind", flat=True))
    assert set(kinds) == set(Section.Kind.values)
    assert kinds == [
        "key_points",
        "rich_text",
        "figure",
        "pull_quote",
        "card_grid",
        "card_grid",
        "figure",
        "benefits_limitations",
        "key_numbers",
        "indications",
        "facts",
        "facts",
        "facts",
        "related_guides",
        "faq",
        "card_grid",
        "disclaimer",
        "call_to_action",
        "disclaimer",
    ]


def test_cik_guide_sections_have_the_seed_item_counts(demo):
    """6 key points (limits beside benefits), 2 identity cards, 4 mechanisms,
    5 + 4 benefits and limits, 5 cited key numbers (the seed's "100+" restored
    as entry 11 supports it), 6 cancer types, 5 + 8 + 1 practical facts,
    5 questions and 6 services; the two figures have no items."""
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    counts = [section.items.count() for section in guide.sections.all()]
    assert counts == [6, 0, 0, 0, 2, 4, 0, 9, 5, 6, 5, 8, 1, 0, 5, 6, 0, 0, 0]
    groups = SectionItem.objects.filter(
        section__guide=guide, section__kind="benefits_limitations"
    ).values_list("group", flat=True)
    assert sorted(groups) == ["benefit"] * 5 + ["limitation"] * 4


def test_every_demo_section_passes_validation(demo):
    """Sections and items carry the fields their kind requires."""
    for section in Section.objects.all():
        section.full_clean()
        for item in section.items.all():
            item.full_clean()


def test_indications_have_their_evidence_strength_and_guides(demo):
    """Each cancer type is published, graded, and linked to the CIK guide."""
    strengths = dict(
        CancerIndication.objects.published().values_list("slug", "evidence_strength")
    )
    assert strengths == {
        "hepatocellular-carcinoma": "randomised_mixed",
        "non-small-cell-lung-cancer": "trials",
        "gastric-cancer": "early",
        "colorectal-cancer": "early",
        "renal-cell-carcinoma": "early",
        "nasopharyngeal-carcinoma": "early",
    }
    for indication in CancerIndication.objects.all():
        assert indication.guides.filter(slug=demo_content.CIK_GUIDE).exists()
        assert indication.summary and indication.evidence_overview


def test_five_published_questions(demo):
    """The five questions are published and grouped under real topics."""
    entries = FaqEntry.objects.published()
    assert entries.count() == 5
    assert {entry.topic.slug for entry in entries} == {
        demo_content.CIK_TOPIC,
        demo_content.ACCESS_TOPIC,
    }


def test_related_guides_link_both_ways(demo):
    """The CIK guide lists the short guides, and each of them links back."""
    cik = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    assert sorted(cik.related_guides.values_list("slug", flat=True)) == sorted(
        RELATED_SLUGS
    )
    for slug in RELATED_SLUGS:
        guide = Guide.objects.get(slug=slug)
        assert guide.is_published()
        assert guide.related_guides.filter(pk=cik.pk).exists()
        assert guide.sections.count() >= 5


def test_cik_guide_page_carries_the_distinctive_facts(client, demo):
    """The page shows the markers, pathways, figures and cancers of the seed."""
    text = page_text(client, CIK_URL)
    for fact in [
        "What is CIK therapy?",
        "CD3+CD56+",
        "13.6 vs 7.8 months",
        "2,242 people",
        "NKG2D",
        "MICA/MICB",
        "perforin",
        "granzyme B",
        "IFN-γ",
        "TNF-α",
        "IL-2",
        "PBMCs",
        "HLA",
        "CRS",
        "ICANS",
        "NCCN",
        "ESMO",
        "TACE",
        "RFA",
        "NSCLC",
        *CANCER_NAMES,
        # Practical facts, each approved on its own.
        "United Kingdom (MHRA):",
        "European Union (EMA):",
        "United States (FDA):",
        "Not approved",
        "14–21 days",
        "More than 100",
        "Fever",
        "Chills",
        "Headache",
        "Tiredness (fatigue)",
        "ClinicalTrials.gov",
        "What a course includes",
    ]:
        assert fact in text, fact


def test_cik_guide_page_shows_every_section(client, demo):
    """Headings, quote, cards, questions, services, call to action, disclaimers."""
    text = page_text(client, CIK_URL)
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    for section in guide.sections.all():
        for value in (section.heading, section.quote, section.button_label):
            assert " ".join(value.split()) in text, value
        if section.kind == "disclaimer":
            assert section.intro[:60] in text
        for item in section.items.all():
            if item.title:
                assert item.title in text, item.title


def test_cik_guide_page_lists_the_questions_and_related_guides(client, demo):
    """All five questions and the three related guides appear on the page."""
    text = page_text(client, CIK_URL)
    for entry in demo_content.FAQ_ENTRIES:
        assert entry["question"] in text
    for guide in Guide.objects.filter(slug__in=RELATED_SLUGS):
        assert guide.title in text
        assert guide.get_absolute_url() in text


def test_related_guide_and_indication_pages_render(client, demo):
    """Every demo guide and cancer type has a public page."""
    for guide in Guide.objects.all():
        assert guide.title in page_text(client, guide.get_absolute_url())
    for indication in CancerIndication.objects.all():
        assert indication.name in page_text(client, indication.get_absolute_url())


# A count of trials or people, or a percentage: a figure a patient may quote.
COUNT_CLAIM = re.compile(
    r"\d[\d,.]*\+?\s*(?:%|per ?cent\b|(?:randomi[sz]ed |controlled )*"
    r"(?:trials?|studies|patients|people)\b)",
    re.IGNORECASE,
)


def count_claims(value):
    return [
        match for text in demo_strings(value) for match in COUNT_CLAIM.findall(text)
    ]


def test_every_count_of_trials_or_people_in_a_guide_has_a_source():
    """A figure in a guide sits in an item citing its source, or the guide lists
    references; in cancer types, questions and topics it cites its source in the
    sentence ([ref:key]).
    """
    uncited = []
    for guide in demo_content.GUIDES:
        for section in guide["sections"]:
            for item in section.get("items", []):
                if not (item.get("citations") or guide.get("references")):
                    uncited += count_claims(item)
            rest = {key: value for key, value in section.items() if key != "items"}
            if not guide.get("references"):
                uncited += count_claims(rest)
        if not guide.get("references"):
            uncited += count_claims([guide["lede"], guide["meta_description"]])
    uncited += [
        claim
        for sentence in sentences(
            "\n".join(
                demo_strings(
                    [
                        demo_content.INDICATIONS,
                        demo_content.FAQ_ENTRIES,
                        demo_content.TOPICS,
                    ]
                )
            )
        )
        if not has_marker(sentence)
        for claim in COUNT_CLAIM.findall(sentence)
    ]
    for fact in demo_content.FACTS:
        if not fact.get("source"):
            uncited += count_claims(fact)
    assert uncited == []


def test_no_demo_text_counts_trials_no_source_supports():
    """ "More than 100 randomised trials" is in no checked source: it stays out.
    Entry 11 supports "more than 100 clinical trials" (of any design): the key
    number says so and cites it."""
    text = "\n".join(demo_texts())
    assert "100 randomised" not in text
    assert "100+" not in text
    (item,) = [
        item
        for section in demo_content.CIK_GUIDE_SECTIONS
        for item in section.get("items", [])
        if item.get("figure") == "More than 100"
    ]
    assert item["citations"] == ["jcp-2020"]
    assert "not all randomised" in item["text"]


def test_the_comparison_guide_lists_its_sources(demo):
    """The comparison guide states findings, so it carries references."""
    guide = Guide.objects.get(slug=demo_content.COMPARISON_GUIDE)
    assert guide.citations.exists()


def hcc_and_nsclc_texts():
    slugs = {"hepatocellular-carcinoma", "non-small-cell-lung-cancer"}
    (cik,) = [g for g in demo_content.GUIDES if g["slug"] == demo_content.CIK_GUIDE]
    (liver,) = [g for g in demo_content.GUIDES if g["slug"] == demo_content.LIVER_GUIDE]
    cancer_items = [
        item
        for section in cik["sections"]
        if section["kind"] == "indications"
        for item in section["items"]
        if item["indication"] in slugs
    ]
    indications = [i for i in demo_content.INDICATIONS if i["slug"] in slugs]
    return {
        "cancer types": normalise(" ".join(demo_strings(indications))),
        "CIK guide items": normalise(" ".join(demo_strings(cancer_items))),
        "liver guide": normalise(" ".join(demo_strings(liver))),
    }


SURVIVAL_CLAIM = re.compile(
    r"longer (?:overall |disease-free |progression-free )?survival"
    r"|(?:improved?|better|lengthens?) (?:the )?"
    r"(?:overall |disease-free |progression-free )?survival"
    r"|lived longer|lengthen the time|went longer before"
)


def test_hcc_and_nsclc_texts_claim_no_survival_benefit():
    """The cited trials found no survival difference in HCC (reference 2) and
    reported response and disease control only in NSCLC (references 6 and 7)."""
    texts = hcc_and_nsclc_texts()
    claims = {
        where: SURVIVAL_CLAIM.findall(text)
        for where, text in texts.items()
        if SURVIVAL_CLAIM.search(text)
    }
    assert claims == {}
    for text in texts.values():
        assert "mixed" in text


def test_the_cik_guide_at_a_glance_says_not_approved_and_mixed_evidence():
    """The first thing a reader sees names the limits, not only the promise."""
    glance = demo_content.CIK_GUIDE_SECTIONS[0]
    assert glance["heading"] == "At a glance"
    text = normalise(" ".join(demo_strings(glance["items"])))
    assert "not standard care" in text
    assert "mixed" in text
    # Approval status and uncertainty, in the first lines a reader sees.
    assert "no regulator in the uk, the eu or the us has approved it" in text
    assert "uncertain" in text


def test_demo_facts_cite_only_the_checked_sources():
    """Side effects from entry 12, the trial count from entry 11; approval status
    and the 14-21 day culture cite nothing and say how they were checked."""
    facts = {fact["slug"]: fact for fact in demo_content.FACTS}
    side_effects = [f for f in facts.values() if f["kind"] == "side_effect"]
    assert {f["title"]: f["source"] for f in side_effects} == {
        "Fever": "jcrco-2015",
        "Chills": "jcrco-2015",
        "Headache": "jcrco-2015",
        "Tiredness (fatigue)": "jcrco-2015",
        "Graft-versus-host disease": "jcp-2020",
    }
    approvals = [f for f in facts.values() if f["kind"] == "regulatory"]
    assert sorted(f["regulator"] for f in approvals) == ["EMA", "FDA", "MHRA"]
    for fact in approvals + [facts["cik-cell-culture-time"]]:
        assert "source" not in fact and fact["how_checked"]
    assert {f["approval_status"] for f in approvals} == {"not_approved"}
    assert facts["cik-cell-culture-time"]["figure"] == "14–21 days"
    cost = facts["cik-course-cost"]
    assert "price_from" not in cost and cost["includes"] and cost["questions"]
