"""Search finds approved content: full text, synonyms, misspellings, snippets.

Runs on whichever database the suite uses: PostgreSQL full-text and trigram
search in CI's PostgreSQL run, the simple match on SQLite.
"""

import importlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Guide
from search.engine import search
from search.models import Synonym
from tests.factories import FaqEntryFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db
CIK_GUIDE = "/guides/what-is-cik-therapy/"


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    # The starting synonyms come from a data migration, which a transactional
    # test run before this one may have flushed away.
    starting = importlib.import_module(
        "search.migrations.0002_postgresql_indexes_and_synonyms"
    )
    for phrase, alternatives in starting.SYNONYMS.items():
        Synonym.objects.get_or_create(
            phrase=phrase, defaults={"alternatives": alternatives}
        )


def urls(query):
    return [result.url for result in search(query).results]


@pytest.mark.parametrize(
    "query",
    [
        "NKG2D",  # a word only the guide's mechanism section uses
        "liver cancer",  # through the synonym list: hepatocellular carcinoma, HCC
        "hepatocelular",  # misspelt
    ],
)
def test_the_cik_guide_is_found(demo, query):
    assert CIK_GUIDE in urls(query)


def test_the_results_page_lists_titles_links_and_highlighted_snippets(client, demo):
    html = client.get("/search/", {"q": "NKG2D"}).content.decode()
    assert f'<h3><a href="{CIK_GUIDE}">What is CIK therapy?</a></h3>' in html
    assert "<mark>NKG2D</mark>" in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_misspelling_says_what_was_searched(client, demo):
    html = client.get("/search/", {"q": "hepatocelular"}).content.decode()
    assert "Showing results for “hepatocellular”." in html


def test_lung_cancer_finds_nsclc_through_the_synonym_list(demo):
    assert search("lung cancer").widened
    assert "/cancers/non-small-cell-lung-cancer/" in urls("lung cancer")


def test_the_synonym_list_is_editable():
    entry = FaqEntryFactory(question="Is TACE painful?", answer="<p>Mildly.</p>")
    approve(entry)
    assert urls("artery treatment") == []
    Synonym.objects.create(phrase="artery treatment", alternatives="TACE")
    assert urls("artery treatment") == [entry.get_absolute_url()]


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
    search(query)  # the first search indexes what was approved
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


def test_an_empty_or_symbol_only_query_searches_nothing(client):
    assert search("  ").results == []
    assert search("?!").results == []
    assert client.get("/search/").status_code == 200
