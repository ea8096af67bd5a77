"""Search finds approved content: full text, synonyms, misspellings, snippets.

Runs on whichever database the suite uses: PostgreSQL full-text and trigram
search in CI's PostgreSQL run, SQLite's FTS5 otherwise. The demo content's
questions are in ``test_relevance.py``.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Guide
from search.engine import search
from search.models import SearchEntry, Synonym
from search.query import parse
from tests.factories import FaqEntryFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


def urls(query):
    return [result.url for result in search(query).results]


def test_the_synonym_list_is_editable():
    entry = FaqEntryFactory(question="Is TACE painful?", answer="<p>Mildly.</p>")
    approve(entry)
    assert urls("artery plugging") == []
    Synonym.objects.create(phrase="artery plugging", alternatives="TACE")
    assert urls("artery plugging") == [entry.get_absolute_url()]


def test_an_item_found_only_through_a_synonym_is_lost_with_the_synonym():
    """Neither "liver" nor "cancer" is on the page: only the synonym finds it."""
    entry = FaqEntryFactory(
        question="How is HCC treated?",
        answer="<p>Hepatocellular carcinoma is treated by surgery or ablation.</p>",
    )
    approve(entry)
    Synonym.objects.update_or_create(
        phrase="liver cancer",
        defaults={"alternatives": "hepatocellular carcinoma, HCC"},
    )
    assert urls("liver cancer") == [entry.get_absolute_url()]

    Synonym.objects.filter(phrase="liver cancer").delete()

    found = search("liver cancer")
    assert not found.widened
    assert found.results == []


def test_only_approved_words_are_found():
    section = SectionFactory(body="<p>Approved zebrafish words.</p>")
    guide = section.guide
    approve(guide)
    section.body = "<p>Unreviewed okapi words.</p>"
    section.save()
    assert urls("zebrafish") == [guide.get_absolute_url()]
    assert urls("okapi") == []


def test_unpublished_and_never_approved_content_is_not_found():
    draft = SectionFactory(body="<p>Quokka facts.</p>").guide
    approve(draft)
    Guide.objects.filter(pk=draft.pk).update(status="draft")
    SectionFactory(body="<p>Quokka rumours.</p>")  # never approved
    assert urls("quokka") == []


def test_a_new_approval_replaces_the_words_searched(client):
    section = SectionFactory(body="<p>Old wombat text.</p>")
    approve(section.guide)
    assert urls("wombat")
    section.body = "<p>New numbat text.</p>"
    section.save()
    approve(section.guide)
    assert urls("wombat") == []
    assert urls("numbat") == [section.guide.get_absolute_url()]


def test_snippets_escape_the_text_around_the_marks():
    entry = FaqEntryFactory(answer="<p>Tom &amp; Jerry &lt;b&gt;capybara.</p>")
    approve(entry)
    (result,) = search("capybara").results
    assert "Tom &amp; Jerry" in result.snippet
    assert "<b>" not in result.snippet
    assert "<mark>capybara</mark>" in result.snippet


def count_queries(query):
    search(query)  # content types and compiled queries are cached after it
    with CaptureQueriesContext(connection) as queries:
        search(query)
    return len(queries)


def test_search_queries_do_not_grow_with_the_results():
    for number in range(2):
        approve(FaqEntryFactory(answer=f"<p>Pelican answer {number}.</p>"))
    few = count_queries("pelican")
    for number in range(2, 12):
        approve(FaqEntryFactory(answer=f"<p>Pelican answer {number}.</p>"))
    assert len(search("pelican").results) == 12
    assert count_queries("pelican") == few


@pytest.mark.parametrize(
    "query",
    ['"', 'NEAR(a b) AND "x', "title:cik*", "^cik OR -", "ü 😀 中文", "a" * 300],
)
def test_query_syntax_is_never_read_as_an_operator(client, query):
    assert search(query) is not None
    assert client.get("/search/", {"q": query}).status_code == 200


def test_an_empty_or_symbol_only_query_searches_nothing(client):
    assert search("  ").results == []
    assert search("?!").results == []
    assert client.get("/search/").status_code == 200


def test_an_approval_indexes_the_version_at_once():
    entry = FaqEntryFactory(answer="<p>Axolotl answer.</p>")
    approve(entry)
    assert SearchEntry.objects.filter(object_id=entry.pk, title=entry.question)
    with CaptureQueriesContext(connection) as queries:
        assert urls("axolotl") == [entry.get_absolute_url()]
    assert not [q for q in queries if q["sql"].startswith(("INSERT", "DELETE"))]


def test_the_search_index_command_builds_the_index_again():
    entry = FaqEntryFactory(answer="<p>Narwhal answer.</p>")
    approve(entry)
    SearchEntry.objects.all().delete()
    assert urls("narwhal") == []
    call_command("search_index", verbosity=0)
    assert urls("narwhal") == [entry.get_absolute_url()]


def test_the_search_index_command_changes_nothing_in_a_dry_run():
    approve(FaqEntryFactory(answer="<p>Tapir answer.</p>"))
    SearchEntry.objects.all().delete()
    call_command("search_index", "--dry-run", verbosity=0)
    assert urls("tapir") == []


def test_a_number_stays_with_its_word():
    """The phrase "stage 4" is searched whole: "stages" and a stray 4 do not match."""
    stages = FaqEntryFactory(answer="<p>It happens in 4 stages.</p>")
    advanced = FaqEntryFactory(answer="<p>At stage 4 the cancer has spread.</p>")
    approve(stages, advanced)
    assert urls("stage 4") == [advanced.get_absolute_url()]


def test_the_results_page_asks_constant_queries_whatever_the_content(client):
    def page_queries():
        client.get("/search/", {"q": "pelican"})
        with CaptureQueriesContext(connection) as queries:
            client.get("/search/", {"q": "pelican"})
        return len(queries)

    approve(FaqEntryFactory(answer="<p>Pelican answer.</p>"))
    few = page_queries()
    for number in range(10):
        approve(FaqEntryFactory(answer=f"<p>Pelican answer {number}.</p>"))
    assert page_queries() == few


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("stage 4", [["stage 4"]]),
        ("stage IV lung", [["stage iv"], ["lung"]]),
        ("how much is it", [["how much is it"]]),  # nothing but stop words
        ("can CIK cure cancer", [["cik"], ["cure"], ["cancer"]]),
        ("iv drip", [["iv"], ["drip"]]),
    ],
)
def test_a_query_becomes_groups_of_phrases(text, groups):
    assert parse(text, synonyms=[]).groups == groups


def test_a_synonym_phrase_is_one_group_with_its_alternatives():
    query = parse("how much does cik cost", synonyms=[("how much", ["cost", "fee"])])
    assert query.groups == [["cost", "fee"], ["cik"], ["cost"]]
    assert query.widened


def test_a_synonym_without_words_changes_nothing():
    synonyms = [("?!", ["liver"]), ("liver", ["", "-", "HCC"])]
    assert parse("liver", synonyms=synonyms).groups == [["liver", "hcc"]]
