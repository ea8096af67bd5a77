"""Patients' questions find the pages that answer them, on SQLite and PostgreSQL.

Against the demo content (``load_demo``), loaded once for the module. Each
question names the pages that answer it and how high one of them must come;
the practical facts (cost, approval, side effects, trials) answer at the place
on the CIK guide that shows them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Fact
from reviews.selectors import visible_queryset
from search.engine import search
from search.index import searched_types
from search.models import SearchEntry

pytestmark = pytest.mark.django_db
CIK = "/guides/what-is-cik-therapy/"
LIVER = "/guides/cik-therapy-for-liver-cancer/"
COMPARED = "/guides/cik-and-car-t-compared/"
MADE = "/guides/how-cik-cells-are-manufactured/"
HCC = "/cancers/hepatocellular-carcinoma/"
NSCLC = "/cancers/non-small-cell-lung-cancer/"
GASTRIC = "/cancers/gastric-cancer/"
BOWEL = "/cancers/colorectal-cancer/"
KIDNEY = "/cancers/renal-cell-carcinoma/"
NOSE = "/cancers/nasopharyngeal-carcinoma/"
INSURANCE = "/faq/#does-insurance-cover-cik-therapy"
WHERE = "/faq/#where-is-cik-therapy-available"
IMMUNOTHERAPY = "/faq/#is-cik-therapy-immunotherapy"
ALONE = "/faq/#cik-alone-or-combined"
GLOSSARY = "/glossary/#"
COST = f"{CIK}#fact-cik-course-cost"
FEVER = f"{CIK}#fact-cik-side-effect-fever"
REGISTERS = {f"{CIK}#fact-who-ictrp", f"{CIK}#fact-clinicaltrials-gov"}

# (question, pages that answer it, one of them within the first ``top``).
QUESTIONS = [
    # The searches issue 17 names.
    ("how much does cik cost", {INSURANCE, CIK, COST}, 1),
    ("how much does cik cost", {COST}, 3),
    ("is cik fda approved", {CIK}, 1),
    ("fever after infusion", {FEVER}, 1),
    ("clinical trial near me", REGISTERS, 1),
    ("liver cancer immunotherapy", {LIVER}, 2),
    ("liver cancer immunotherapy", {HCC, f"{GLOSSARY}hcc"}, 3),
    ("stage 4", {GASTRIC, NSCLC, CIK}, 1),
    ("can cik cure cancer", {CIK, LIVER}, 3),
    # The same subjects, asked in other words.
    ("what are the side effects of cik", {CIK, COMPARED}, 1),
    ("price of cik therapy", {INSURANCE, CIK}, 1),
    ("will insurance pay", {INSURANCE}, 1),
    ("will insurance pay", {COST}, 2),
    ("is cik licensed", {CIK}, 1),
    ("risks of cik", {CIK, COMPARED}, 1),
    ("liver", {LIVER, HCC}, 1),
    ("hcc", {HCC, f"{GLOSSARY}hcc", LIVER}, 1),
    # More questions patients ask.
    ("stage iv lung cancer", {NSCLC}, 2),
    ("hepatocelular", {HCC}, 2),
    ("NKG2D", {f"{GLOSSARY}nkg2d"}, 3),
    ("how is cik made", {MADE}, 1),
    ("cik vs car-t", {COMPARED}, 2),
    ("where can i get cik therapy", {WHERE, CIK}, 3),
    ("is cik immunotherapy", {IMMUNOTHERAPY}, 2),
    ("cik with chemotherapy", {ALONE, CIK, LIVER}, 2),
    ("stomach cancer", {GASTRIC}, 1),
    ("bowel cancer", {BOWEL}, 1),
    ("kidney cancer", {KIDNEY}, 1),
    ("nose and throat cancer", {NOSE}, 1),
    ("what is a cytokine", {f"{GLOSSARY}cytokine"}, 1),
    ("what is crs", {f"{GLOSSARY}crs"}, 3),
    ("how long does cik take", {CIK}, 1),
    ("lung cancer", {NSCLC}, 2),
    ("can i pay for cik", {INSURANCE}, 1),
    ("is cik safe", {CIK, COMPARED}, 2),
]


@pytest.fixture(autouse=True)
def _demo(module_demo):
    """Every test of the module reads the one copy of the demo content."""


def urls(query):
    return [result.url for result in search(query).results]


@pytest.mark.parametrize(("question", "answers", "top"), QUESTIONS)
def test_a_patients_question_finds_its_answer(question, answers, top):
    found = urls(question)
    assert answers & set(found[:top]), f"{question!r} found {found[:5]}"


def test_load_demo_leaves_every_visible_item_indexed():
    """The demo's approvals indexed themselves: no search or rebuild ran yet."""
    for reviewed in searched_types():
        ids = set(
            visible_queryset(reviewed.model.objects.all()).values_list("pk", flat=True)
        )
        indexed = set(
            SearchEntry.objects.filter(content_type=reviewed.content_type).values_list(
                "object_id", flat=True
            )
        )
        assert ids and ids <= indexed, reviewed.kind


def test_there_are_at_least_thirty_questions():
    assert len({question for question, _, _ in QUESTIONS}) >= 30


@pytest.mark.parametrize("question", ["stage 4", "stage iv", "stage four"])
def test_stage_4_never_matches_the_stages_of_manufacturing(question):
    assert MADE not in urls(question)


def test_a_real_word_is_never_corrected():
    found = search("can cik cure cancer")
    assert found.results
    assert found.corrected == ""


@pytest.mark.parametrize("word", ["cure", "fever", "pain", "price"])
def test_a_common_word_alone_is_not_taken_for_a_misspelling(word):
    assert search(f"{word} zzzz").corrected == ""


def test_stop_words_do_not_hide_a_match():
    assert urls("how much is it near me can") is not None
    assert urls("how is NKG2D") == urls("NKG2D")


def test_a_misspelling_is_corrected_to_an_indexed_word():
    assert search("hepatocelular").corrected == "hepatocellular"


def test_question_words_widen_the_search():
    assert search("how much does cik cost").widened
    assert not search("NKG2D").widened


def test_the_results_page_lists_titles_links_and_highlighted_snippets(client):
    html = client.get("/search/", {"q": "NKG2D"}).content.decode()
    assert f'<h3><a href="{CIK}">What is CIK therapy?</a></h3>' in html
    assert "<mark>NKG2D</mark>" in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_misspelling_says_what_was_searched(client):
    html = client.get("/search/", {"q": "hepatocelular"}).content.decode()
    assert "Showing results for “hepatocellular”." in html


def test_the_empty_page_offers_the_faq_the_topics_and_the_phone(client):
    html = client.get("/search/", {"q": "zzqqxx"}).content.decode()
    assert "Nothing found for “zzqqxx”" in html
    assert 'href="/faq/"' in html
    assert 'href="/guides/#topic-cik-cell-therapy">CIK cell therapy</a>' in html
    assert 'href="tel:+442079460000"' in html


def test_a_search_only_reads():
    with CaptureQueriesContext(connection) as queries:
        search("how much does cik cost")
        search("hepatocelular")
    written = [
        query["sql"]
        for query in queries
        if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
    ]
    assert written == []


def test_the_addresses_of_fact_results_cost_one_query(django_assert_num_queries):
    """A practical fact has no page of its own: where patients read each one is
    looked up for all the results at once, however many facts they hold."""
    facts = list(Fact.objects.values_list("pk", flat=True))
    assert len(facts) > 10
    with django_assert_num_queries(1):
        urls = Fact.absolute_urls(facts)
    assert set(urls) == set(facts)
    assert urls[Fact.objects.get(slug="who-ictrp").pk] == f"{CIK}#fact-who-ictrp"
