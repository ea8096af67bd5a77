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
from typing import NamedTuple

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.translation import get_language

from cancerfax.languages import language_attributes
from reviews.citing import strip_markers

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


# Scripts written without spaces between words: a term in them is found inside
# a run of letters ("CIK细胞疗法"), and a Latin term beside them is still a word.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ARABIC = "\u0600-\u06ff\u0750-\u077f"
# Arabic joins short words to the next one ("وCD56": "and CD56"), so a term in
# another script may follow an Arabic letter directly.
_OTHER_SCRIPTS = re.compile(f"[{_UNSPACED}{_ARABIC}]")
_BOUNDED_LATIN = (
    f"(?<![^\\W{_UNSPACED}{_ARABIC}])(?<!-)(?:{{}})(?![^\\W{_UNSPACED}{_ARABIC}]|-)"
)


def _form_pattern(escaped, form):
    if re.search(f"[{_UNSPACED}]", form):
        return escaped
    if _OTHER_SCRIPTS.search(form):  # an Arabic form: whole words only
        return f"(?<![\\w-]){escaped}(?![\\w-])"
    return _BOUNDED_LATIN.format(escaped)


def term_pattern(terms, *, lowered=False):
    """One regex finding any form of any term as a whole word.

    Longer forms first, so "non-small cell lung cancer" wins over "lung cancer".
    Forms in capitals (abbreviations) match only in capitals: "RFA" yes, "rfa" no.
    With ``lowered``, the pattern is for text already in lower case, and the
    caller checks the capitals itself: a case-insensitive alternation of many
    forms is several times slower to run than a case-sensitive one. A form in
    Chinese or Japanese has no word boundary to find (``_UNSPACED``).
    """
    forms = sorted({form for term in terms for form in _forms(term)}, key=len)
    if lowered:
        forms = sorted({form.lower() for form in forms}, key=len)
    parts = []
    for form in reversed(forms):
        escaped = re.escape(form)
        if not (lowered or form.isupper()):
            escaped = f"(?i:{escaped})"
        parts.append(_form_pattern(escaped, form))
    if not parts:
        return None
    return re.compile("|".join(parts))


# What the marker steps over whole: comments, declarations, raw-text elements
# (a ``<`` inside a script is not a tag), tags (``>`` may sit inside a quoted
# attribute) and character references (a term never matches inside one). The
# input is our own rendered, sanitised page, so this is enough of HTML to walk
# it; it is several times faster than ``html.parser`` on a guide page.
_TOKEN = re.compile(
    r"""<!--.*?-->
      |<(?P<raw>(?i:script|style))\b(?:"[^"]*"|'[^']*'|[^'">])*>.*?</(?P=raw)\s*>
      |<[!?][^>]*>
      |<(?P<end>/?)(?P<tag>[a-zA-Z][\w:-]*)(?P<attrs>(?:"[^"]*"|'[^']*'|[^'">])*)>
      |&(?:\#\w+|\w+);""",
    re.S | re.X,
)
_OFF = re.compile(r"""(?:^|\s)data-glossary\s*=\s*(?:"off"|'off'|off(?=[\s/]|$))""")


class _TermMarker:
    def __init__(self, terms, glossary_url):
        self.pattern = term_pattern(terms)
        self.lowered_pattern = term_pattern(terms, lowered=True)
        self.by_form = {}
        for term in terms:
            for form in _forms(term):
                key = form if form.isupper() else form.lower()
                self.by_form.setdefault(key, term)
        self.glossary_url = glossary_url
        self.used = set()
        self.unused = len({term.pk for term in terms})

    def mark(self, html):
        out = []
        depth = 0
        skip_from = None  # depth at which a skipped element opened
        position = 0
        for token in _TOKEN.finditer(html):
            if not self.unused:
                break  # every term is marked: the rest passes as it is
            self._text(out, html[position : token.start()], skip_from)
            out.append(token.group(0))
            position = token.end()
            tag = token.group("tag")
            if tag is None:
                continue
            tag = tag.lower()
            if tag in VOID_TAGS or token.group("attrs").endswith("/"):
                continue
            if token.group("end"):
                if skip_from is not None and depth <= skip_from:
                    skip_from = None
                depth = max(depth - 1, 0)
                continue
            depth += 1
            if skip_from is None and (
                tag in SKIPPED_TAGS or _OFF.search(token.group("attrs"))
            ):
                skip_from = depth
        if self.unused:
            self._text(out, html[position:], skip_from)
        else:
            out.append(html[position:])
        return "".join(out)

    def _text(self, out, text, skip_from):
        if not text or skip_from is not None or self.pattern is None:
            out.append(text)
            return
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer
            out.append(self.pattern.sub(self._mark, text))
            return
        position = 0
        for match in self.lowered_pattern.finditer(lowered):
            start, end = match.span()
            found = text[start:end]
            marked = self._mark_form(found)
            if marked is not found:
                out += (text[position:start], marked)
                position = end
        out.append(text[position:])

    def _mark(self, match):
        return self._mark_form(match.group(0))

    def _mark_form(self, text):
        # Abbreviations are keyed in capitals, so "rfa" finds no term here.
        term = self.by_form.get(text) or self.by_form.get(text.lower())
        if term is None or term.pk in self.used:
            return text
        self.used.add(term.pk)
        self.unused -= 1
        # ``text`` is raw source text without character references (those are
        # tokens of their own), so it is already safe HTML; it passes unchanged.
        shown = text
        if term.expansion:
            shown = f'<abbr title="{escape(term.expansion)}">{text}</abbr>'
        return format_html(
            '<span class="term"{attributes}><dfn id="term-{slug}">'
            '<a class="term__link" href="{url}#{slug}" '
            'aria-describedby="term-{slug}-tip">{shown}</a>'
            '</dfn><span class="term__tip" role="tooltip" id="term-{slug}-tip">'
            "{definition}</span></span>",
            slug=term.slug,
            url=self.glossary_url,
            shown=_Safe(shown),
            definition=term.definition,
            attributes=_Safe(term.language_attributes),
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
    # ``lang`` and ``dir`` when the term's words are not the page's language.
    language_attributes: str = ""


def mark_first_uses(html: str, terms, *, glossary_url: str) -> str:
    """``html`` with the first use of each of ``terms`` marked up.

    ``terms`` are visible glossary terms (``term``, ``also_matches``,
    ``expansion``, ``definition``, ``slug``, ``pk``, and ``language``: a term
    shown in another language than the page's is marked as such).
    """
    if not terms:
        return html
    translated = get_language() != settings.LANGUAGE_CODE
    key = tuple(
        _Term(
            t.pk,
            t.slug,
            t.term,
            tuple(t.also_matches),
            t.expansion,
            strip_markers(t.definition),
            # Always on a translated page: a term in its language may explain
            # a word of a section still shown in English.
            language_attributes(getattr(t, "language", None), always=translated),
        )
        for t in terms
    )
    return _marked(html, key, glossary_url)


# Parsing a whole page is the slow part, and the result depends on nothing but
# the arguments: a page rendered again with the same words and terms (another
# item it lists changed, a staff preview reloaded) reuses it.
@lru_cache(maxsize=32)
def _marked(html: str, terms: tuple[_Term, ...], glossary_url: str) -> str:
    return _TermMarker(terms, glossary_url).mark(html)
