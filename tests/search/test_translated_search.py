"""Search in the reader's language: translations indexed per language, without
English stemming, answered before the English pages.

On the demo content (the CIK guide, its questions, the cancer types, the
glossary and the about pages in Arabic and Simplified Chinese), loaded once; on
SQLite's FTS5 or PostgreSQL, whichever the suite runs on.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import translation as i18n

from guides.models import CancerIndication, Guide
from search.engine import search
from search.models import TranslatedEntry
from tests.factories import approved_translation

pytestmark = pytest.mark.django_db
ARABIC = re.compile(r"[\u0600-\u06ff]")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def address(obj, language):
    with i18n.override(language):
        return obj.get_absolute_url()


def found(query, language):
    with i18n.override(language):
        return search(query).results


def test_each_language_is_indexed_apart(module_demo):
    counts = {
        language: TranslatedEntry.objects.filter(language=language).count()
        for language in ("ar", "zh-hans")
    }
    # The guide, 5 questions, 6 cancer types, 14 glossary terms and 14
    # practical facts (the about pages are not searched).
    assert counts == {"ar": 40, "zh-hans": 40}


def test_chinese_is_found_by_its_characters_even_two_of_them(module_demo):
    """No spaces between Chinese words: substrings (trigrams), and words of two
    characters, the commonest length, too."""
    liver = CancerIndication.objects.get(slug="hepatocellular-carcinoma")
    results = found("肝细胞癌", "zh-hans")
    assert results[0].url == address(liver, "zh-hans")
    assert results[0].title == "肝细胞癌（HCC）"
    assert "<mark>肝细胞癌</mark>" in results[0].snippet
    two = found("肝癌", "zh-hans")
    # Chinese words, or an abbreviation a Chinese page keeps ("HCC").
    assert two and all(result.language == "zh-hans" for result in two)
    assert all(CHINESE.search(result.snippet) for result in two)
    assert found("肝细胞癌", "en-gb") == []  # English readers search English


def test_arabic_is_found_without_english_stemming(module_demo):
    results = found("الكبدية", "ar")
    assert results and all(result.language == "ar" for result in results)
    assert all(ARABIC.search(result.snippet) for result in results)
    assert "<mark>الكبدية</mark>" in "".join(r.snippet for r in results)


def test_the_readers_language_comes_first_then_english(module_demo):
    """ "CIK" is in Arabic and English pages: the Arabic ones first; a guide
    with no Arabic translation follows in English, once."""
    results = found("CIK", "ar")
    # Arabic results may be titled with an abbreviation (the glossary's "CIK").
    arabic = [result.language == "ar" for result in results]
    assert arabic[0] and False in arabic
    assert arabic == sorted(arabic, reverse=True)  # no Arabic after English
    untranslated = Guide.objects.get(slug="cik-therapy-for-liver-cancer")
    assert [r.url for r in results].count(address(untranslated, "ar")) == 1
    assert len({r.url for r in results}) == len(results)


def test_a_new_approved_translation_replaces_its_entry(module_demo):
    indication = CancerIndication.objects.get(slug="gastric-cancer")
    approved_translation(indication, "zh-hans", name="胃部恶性肿瘤")
    assert [r.title for r in found("恶性肿瘤", "zh-hans")] == ["胃部恶性肿瘤"]
    entries = TranslatedEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(indication),
        object_id=indication.pk,
    )
    assert sorted(entries.values_list("language", flat=True)) == ["ar", "zh-hans"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own tables")
def test_sqlite_tokenizers_are_chosen_per_kind_of_writing(module_demo):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE name LIKE 'search_translated_%'"
            " AND type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
        tables = dict(cursor.fetchall())
    assert "porter" not in tables["search_translated_words"]
    assert "unicode61" in tables["search_translated_words"]
    assert "tokenize='trigram'" in tables["search_translated_trigrams"]
