"""Mark the first use of each glossary term in a rendered page.

The explanation must reach keyboard and screen-reader users without JavaScript:
the term becomes a link to its glossary entry (reachable with Tab) inside a
``dfn``, described by a tooltip element through ``aria-describedby``; CSS shows
the tooltip on hover and on focus. Abbreviations are also wrapped in ``abbr``.

Only text outside links, headings, buttons, summaries and anything marked
``data-glossary="off"`` is touched; every tag and entity passes through as it was
written.
"""

import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import NamedTuple

from django.utils.html import escape, format_html

SKIPPED_TAGS = {
    "a", "abbr", "dfn", "button", "summary", "label", "h1", "h2", "h3", "h4", "h5",
    "h6", "script", "style", "textarea", "option", "title", "code", "pre", "time",
}  # fmt: skip
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip


def _forms(term):
    return [term.term, *term.also_matches]


def term_pattern(terms):
    """One regex finding any form of any term as a whole word.

    Longer forms first, so "non-small cell lung cancer" wins over "lung cancer".
    Forms in capitals (abbreviations) match only in capitals: "RFA" yes, "rfa" no.
    """
    forms = sorted({form for term in terms for form in _forms(term)}, key=len)
    parts = []
    for form in reversed(forms):
        escaped = re.escape(form)
        parts.append(escaped if form.isupper() else f"(?i:{escaped})")
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


class _TermMarker(HTMLParser):
    def __init__(self, terms, glossary_url):
        super().__init__(convert_charrefs=False)
        self.pattern = term_pattern(terms)
        self.by_form = {}
        for term in terms:
            for form in _forms(term):
                key = form if form.isupper() else form.lower()
                self.by_form.setdefault(key, term)
        self.glossary_url = glossary_url
        self.used = set()
        self.out = []
        self.depth = 0
        self.skip_from = None  # depth at which a skipped element opened

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID_TAGS:
            return
        self.depth += 1
        off = ("data-glossary", "off") in attrs
        if self.skip_from is None and (tag in SKIPPED_TAGS or off):
            self.skip_from = self.depth

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in VOID_TAGS:
            return
        if self.skip_from is not None and self.depth <= self.skip_from:
            self.skip_from = None
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data):
        if self.skip_from is not None or self.pattern is None:
            self.out.append(data)
        else:
            self.out.append(self.pattern.sub(self._mark, data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def _mark(self, match):
        text = match.group(0)
        term = self.by_form.get(text) or self.by_form.get(text.lower())
        if term is None or term.pk in self.used:
            return text
        self.used.add(term.pk)
        # ``text`` is raw source text without entities (those come separately),
        # so it is already safe HTML; it is passed through unchanged.
        shown = text
        if term.expansion:
            shown = f'<abbr title="{escape(term.expansion)}">{text}</abbr>'
        return format_html(
            '<span class="term"><dfn id="term-{slug}"><a class="term__link" '
            'href="{url}#{slug}" aria-describedby="term-{slug}-tip">{shown}</a>'
            '</dfn><span class="term__tip" role="tooltip" id="term-{slug}-tip">'
            "{definition}</span></span>",
            slug=term.slug,
            url=self.glossary_url,
            shown=_Safe(shown),
            definition=term.definition,
        )


class _Safe(str):
    def __html__(self):
        return self


class _Term(NamedTuple):
    """What the marker reads of a term: hashable, so a result can be reused."""

    pk: int
    slug: str
    term: str
    also_matches: tuple
    expansion: str
    definition: str


def mark_first_uses(html: str, terms, *, glossary_url: str) -> str:
    """``html`` with the first use of each of ``terms`` marked up.

    ``terms`` are visible glossary terms (``term``, ``also_matches``,
    ``expansion``, ``definition``, ``slug``, ``pk``).
    """
    if not terms:
        return html
    key = tuple(
        _Term(t.pk, t.slug, t.term, tuple(t.also_matches), t.expansion, t.definition)
        for t in terms
    )
    return _marked(html, key, glossary_url)


# Parsing a whole page is the slow part, and the result depends on nothing but
# the arguments: a page rendered again with the same words and terms (another
# item it lists changed, a staff preview reloaded) reuses it.
@lru_cache(maxsize=32)
def _marked(html: str, terms: tuple[_Term, ...], glossary_url: str) -> str:
    marker = _TermMarker(terms, glossary_url)
    marker.feed(html)
    marker.close()
    return "".join(marker.out)
