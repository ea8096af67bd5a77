"""First uses of glossary terms are marked up; nothing else in the page changes."""

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from glossary.markup import mark_first_uses


def term(text, pk=1, expansion="", also=(), definition="A plain explanation."):
    return SimpleNamespace(
        pk=pk,
        term=text,
        slug=text.lower().replace(" ", "-"),
        expansion=expansion,
        also_matches=tuple(also),
        definition=definition,
    )


def mark(html, *terms):
    return mark_first_uses(html, list(terms), glossary_url="/glossary/")


def test_only_the_first_use_is_marked():
    html = mark("<p>NKG2D binds. NKG2D again.</p>", term("NKG2D"))
    assert html.count('class="term"') == 1
    assert html.startswith(
        '<p><span class="term"><dfn id="term-nkg2d"><a class="term__link" '
        'href="/glossary/#nkg2d" aria-describedby="term-nkg2d-tip">NKG2D</a></dfn>'
        '<span class="term__tip" role="tooltip" id="term-nkg2d-tip">'
        "A plain explanation.</span></span> binds."
    )
    assert html.endswith(" NKG2D again.</p>")


def test_headings_links_and_opted_out_parts_are_left_alone():
    source = (
        '<h2>NKG2D</h2><a href="/x">NKG2D</a>'
        '<section data-glossary="off"><p>NKG2D</p><div><p>NKG2D</p></div></section>'
        "<p>Then NKG2D.</p>"
    )
    html = mark(source, term("NKG2D"))
    assert html.startswith(
        '<h2>NKG2D</h2><a href="/x">NKG2D</a><section data-glossary="off">'
        "<p>NKG2D</p><div><p>NKG2D</p></div></section><p>Then <span class="
    )


def test_an_abbreviation_is_marked_as_one_and_only_in_capitals():
    hcc = term("HCC", expansion="hepatocellular carcinoma")
    html = mark("<p>hcc is not it; HCC is.</p>", hcc)
    assert html.startswith("<p>hcc is not it; <span")
    assert '<abbr title="hepatocellular carcinoma">HCC</abbr>' in html


def test_words_match_whole_and_in_any_case_and_other_forms_count():
    cytokine = term("cytokine", also=["cytokines"])
    html = mark("<p>Cytokine-induced cells. Cytokines signal.</p>", cytokine)
    assert html.startswith("<p>Cytokine-induced cells. <span")
    assert ">Cytokines</a>" in html


def test_longer_terms_win_over_terms_inside_them():
    lung = term("lung cancer", pk=1)
    nsclc = term("non-small cell lung cancer", pk=2)
    html = mark("<p>In non-small cell lung cancer, later lung cancer.</p>", lung, nsclc)
    assert ">non-small cell lung cancer</a>" in html
    assert ">lung cancer</a>" in html  # its own first use, later on


def test_entities_tags_and_attributes_pass_through_unchanged():
    source = '<p title="a > b">Q&amp;A &#8212; <br>NKG2D<!-- note --> &lt;tag&gt;</p>'
    html = mark(source, term("NKG2D"))
    assert html.replace(
        html[html.index("<span") : html.index("</span></span>") + 14], "X"
    ) == ('<p title="a > b">Q&amp;A &#8212; <br>X<!-- note --> &lt;tag&gt;</p>')


def test_definitions_are_escaped():
    html = mark("<p>NKG2D</p>", term("NKG2D", definition="<script>x</script>"))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_no_terms_change_nothing():
    assert mark("<p>NKG2D</p>") == "<p>NKG2D</p>"


def test_scripts_attributes_and_comments_are_never_marked():
    source = (
        '<script type="application/ld+json">{"a": "NKG2D < CIK"}</script>'
        "<p title=\"NKG2D\" data-x='NKG2D'>x<!-- NKG2D --><br/>NKG2D</p>"
    )
    html = mark(source, term("NKG2D"))
    assert html.startswith(source[: source.index("x<!--") + 1] + "<!-- NKG2D --><br/>")
    assert html.count('class="term"') == 1
    assert html.endswith("</span></span></p>")


def test_a_term_is_not_found_inside_a_character_reference():
    html = mark("<p>&nbsp;nbsp and &amp;</p>", term("nbsp"), term("amp", pk=2))
    assert html.startswith("<p>&nbsp;<span")
    assert html.endswith("and &amp;</p>")


def test_once_every_term_is_marked_the_rest_is_left_exactly_as_it_was():
    rest = '<p class="x">NKG2D <b>again</b> &amp; <a href="#">more</a></p>' * 50
    html = mark("<p>NKG2D</p>" + rest, term("NKG2D"))
    assert html.endswith("</span></span></p>" + rest)


WORDS = ["NKG2D", "nkg2d", "cytokine", "Cytokines", "lung cancer", "a", "b-c", "é"]
TAGS = ["<p>", "</p>", "<h2>", "</h2>", "<br>", "<a href='#'>", "</a>", "&amp;"]


@given(st.lists(st.sampled_from(WORDS + TAGS + [" ", "İ", "ß"]), max_size=40))
def test_marking_only_adds_markup_around_first_uses(parts):
    source = "".join(parts)
    terms = [
        term("NKG2D"),
        term("cytokine", pk=2, also=["cytokines"]),
        term("lung cancer", pk=3),
    ]
    html = mark(source, *terms)
    # Taking out what the marker added gives back the page it was given.
    unmarked = re.sub(
        r'<span class="term"><dfn [^>]*><a [^>]*>(.*?)</a></dfn>'
        r'<span class="term__tip"[^>]*>[^<]*</span></span>',
        r"\1",
        html,
    )
    assert unmarked == source
    assert html.count('class="term"') <= len(terms)
