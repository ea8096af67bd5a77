"""``load_demo``: idempotent, complete, and written in the project's own words."""

import html
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cancerfax import roles
from faq.models import FaqEntry
from guides import demo_content
from guides.models import CancerIndication, Fact, Guide, Section, SectionItem
from reviews.citing import has_marker
from reviews.evidence import sentences
from reviews.models import ContentVersion, Reviewer, ReviewRecord
from topics.models import Topic

pytestmark = pytest.mark.django_db

SEED_PATH = Path(settings.BASE_DIR).parent / "shared/seed/cik-therapy-guide.txt"
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


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def database_state():
    user_model = get_user_model()
    models = [
        Topic,
        Guide,
        Guide.related_guides.through,
        Section,
        SectionItem,
        Fact,
        CancerIndication,
        CancerIndication.guides.through,
        FaqEntry,
        user_model,
        user_model.groups.through,
        Reviewer,
        ContentVersion,
        ReviewRecord,
    ]
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in models
    }


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(html.unescape(response.content.decode()).split())


def normalise(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = " ".join(text.split()).lower()
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


def demo_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from demo_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from demo_strings(item)


def demo_texts():
    data = [
        demo_content.TOPICS,
        demo_content.FAQ_ENTRIES,
        demo_content.INDICATIONS,
        demo_content.GUIDES,
        demo_content.FACTS,
    ]
    return [normalise(text) for text in demo_strings(data)]


def seed_sentences(text):
    """Sentences of the seed page, and the parts of lines the page glued together.

    The seed is a text dump of a web page: icon names and card titles run into
    the following text ("check_circleCIK cells ...", "profileNo cytokine ...").
    """
    candidates = set()
    for line in text.splitlines():
        line = re.sub(r"^\s*[a-z]+(?:_[a-z]+)*(?=[A-Z])", "", line.strip())
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            candidates.add(sentence)
            candidates.update(re.split(r"(?<=[a-z])(?=[A-Z][a-z])", sentence))
    return {normalise(s) for s in candidates if len(normalise(s)) > 40}


@pytest.fixture
def seed_text():
    if not SEED_PATH.exists():
        pytest.skip(f"seed page not found at {SEED_PATH}")
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture
def demo(db):
    load_demo()


def test_second_run_changes_and_duplicates_nothing():
    """Every row, every field and every link is the same after a second run."""
    load_demo("--users")
    first = database_state()
    output = load_demo("--users")
    assert database_state() == first
    assert " created" not in output
    assert " updated" not in output
    assert all(rows for label, rows in first.items() if "groups" not in label)


def test_run_restores_edited_content_and_removes_extra_sections():
    """Demo guides go back to the data: edits are undone, extra parts removed."""
    load_demo()
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    Section.objects.filter(guide=guide, order=20).update(heading="Edited")
    extra = Section.objects.create(guide=guide, order=999, kind="rich_text", body="x")
    first_items = Section.objects.get(guide=guide, order=10).items
    first_items.create(order=99, text="An extra point")

    load_demo()

    assert Section.objects.get(guide=guide, order=20).heading == (
        "What is CIK cell therapy?"
    )
    assert not Section.objects.filter(pk=extra.pk).exists()
    assert first_items.count() == len(demo_content.CIK_GUIDE_SECTIONS[0]["items"])


def test_dry_run_saves_nothing():
    """--dry-run reports the changes and rolls them back."""
    output = load_demo("--dry-run", "--users")
    assert "Dry run" in output
    assert not Guide.objects.exists()
    assert not get_user_model().objects.exists()


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
        "pull_quote",
        "card_grid",
        "card_grid",
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
    5 questions and 6 services."""
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    counts = [section.items.count() for section in guide.sections.all()]
    assert counts == [6, 0, 0, 2, 4, 9, 5, 6, 5, 8, 1, 0, 5, 6, 0, 0, 0]
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


def test_no_users_when_debug_is_off_without_the_flag(settings):
    """Published passwords are never used unless someone asks for them."""
    settings.DEBUG = False
    output = load_demo()
    assert not get_user_model().objects.exists()
    assert "--users" in output


def test_users_get_their_roles_and_credentials_are_printed():
    """One staff user per role plus a superuser, marked development-only."""
    output = load_demo("--users")
    user_model = get_user_model()
    admin = user_model.objects.get(email="admin@example.org")
    assert admin.is_superuser and admin.is_staff
    for data in demo_content.DEMO_USERS:
        user = user_model.objects.get(email=data["email"])
        assert user.is_staff and user.get_display_name() == data["display_name"]
        assert data["email"] in output
        assert user.check_password(data["password"])
        assert data["password"] in output
        if data["role"]:
            assert list(user.groups.values_list("name", flat=True)) == [data["role"]]
    editor = user_model.objects.get(email="demo-editor@example.org")
    assert editor.has_perm("guides.change_guide")
    assert not user_model.objects.get(email="demo-reviewer@example.org").has_perm(
        "guides.change_guide"
    )
    assert roles.COORDINATOR in output
    assert "DEVELOPMENT ONLY" in output
    assert "/admin/" in output


def test_second_run_keeps_a_changed_password():
    """A password someone changed is neither reset nor printed."""
    load_demo("--users")
    editor = get_user_model().objects.get(email="demo-editor@example.org")
    editor.set_password("a password of my own")
    editor.save()

    output = load_demo("--users")

    editor.refresh_from_db()
    assert editor.check_password("a password of my own")
    assert "editor-demo-only" not in output
    assert "admin-demo-only" in output


def test_quiet_run_prints_nothing():
    """--verbosity 0 prints neither the summary nor the credentials."""
    assert load_demo("--users", "--verbosity", "0") == ""


def test_no_seed_sentence_is_copied(seed_text):
    """No sentence of the seed page longer than 40 characters is reused."""
    text = "\n".join(demo_texts())
    sentences = seed_sentences(seed_text)
    assert len(sentences) > 50
    copied = sorted(s for s in sentences if s in text)
    assert copied == []


def test_no_long_phrase_is_copied_from_the_seed(seed_text):
    """A lightly edited sentence would share a long run of words with the seed.

    Eight words allow names and lists ("South Korea, Taiwan, Japan and India") but
    not a phrase carried over.
    """
    length = 8

    def runs(text):
        words = re.findall(r"[\w+/–'-]+", normalise(text))
        return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}

    seed_runs = runs(seed_text)
    copied = {run for text in demo_texts() for run in runs(text) & seed_runs}
    assert copied == set()


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
