"""Glossary terms in the reader's language: found in Arabic and Chinese text and
marked with their language (the demo's translated terms: test_translated_glossary)."""

from types import SimpleNamespace

from django.utils import translation as i18n

from glossary.markup import mark_first_uses


def term(text, language="", also=(), slug="t"):
    return SimpleNamespace(
        pk=1,
        term=text,
        slug=slug,
        expansion="",
        also_matches=tuple(also),
        definition="Explained.",
        language=language,
    )


def mark(html, *terms):
    return mark_first_uses(html, list(terms), glossary_url="/glossary/")


def test_a_chinese_term_is_found_inside_a_run_of_chinese_letters():
    """Chinese has no spaces between words: no word boundary is asked for."""
    html = mark("<p>由外周血单个核细胞培养而成</p>", term("外周血单个核细胞"))
    assert '<a class="term__link" href="/glossary/#t" ' in html
    assert ">外周血单个核细胞</a>" in html


def test_a_latin_abbreviation_joined_to_arabic_or_chinese_letters_is_found():
    """Arabic writes "and" joined to the next word ("وCIK"); Chinese writes
    "CIK细胞" without a space: both are uses of the term."""
    assert "term__link" in mark("<p>جرّب وCIK</p>", term("CIK"))
    assert "term__link" in mark("<p>CIK细胞疗法</p>", term("CIK"))


def test_a_latin_term_is_still_a_whole_word_among_latin_letters():
    """English is unchanged: no match inside a longer word or a hyphenated one."""
    for text in ["<p>CIKs</p>", "<p>xCIK</p>", "<p>CIK-based</p>", "<p>pre-CIK</p>"]:
        assert "term__link" not in mark(text, term("CIK")), text


def test_an_arabic_term_is_a_whole_arabic_word():
    """An Arabic form inside a longer Arabic word is not a use of it."""
    assert "term__link" in mark("<p>عن السيتوكينات هنا</p>", term("السيتوكينات"))
    assert "term__link" not in mark("<p>بالسيتوكينات</p>", term("السيتوكينات"))


def test_a_term_says_its_language_on_a_translated_page_only():
    """On an Arabic page a term shown in English is marked English, and one in
    Arabic is marked Arabic (it may explain a word of a section left in
    English); on the English page nothing is added."""
    with i18n.override("ar"):
        english = mark("<p>CIK</p>", term("CIK", language="en-gb"))
        arabic = mark("<p>CIK</p>", term("CIK", language="ar"))
    with i18n.override("en-gb"):
        source = mark("<p>CIK</p>", term("CIK", language="en-gb"))
    assert '<span class="term" lang="en-GB" dir="ltr">' in english
    assert '<span class="term" lang="ar" dir="rtl">' in arabic
    assert '<span class="term"><dfn' in source
