"""Every word a patient reads in a public template goes through a catalogue.

A text node (or an accessible name: ``aria-label``, ``title``, ``placeholder``,
``alt``) written in English outside ``{% translate %}`` and
``{% blocktranslate %}`` would stay English on /ar/ and /zh-hans/ pages. Staff
and sign-in templates, and e-mails to staff, are out of scope (English only).
"""

import fnmatch
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

from cancerfax.catalogues import STAFF_TEMPLATES

ROOT = Path(settings.BASE_DIR)
# Names and identifiers, the same in every language.
ALLOWED_WORDS = {"PubMed", "doi"}
NAMED = re.compile(r'\b(aria-label|title|placeholder|alt)="([^"]*)"')
WORD = re.compile(r"[A-Za-z]{2,}")


def public_templates():
    for path in sorted((ROOT / "templates").rglob("*")):
        relative = str(path.relative_to(ROOT))
        if path.suffix not in (".html", ".txt"):
            continue
        if any(fnmatch.fnmatch(relative, pattern) for pattern in STAFF_TEMPLATES):
            continue
        yield relative


def bare_words(source: str) -> list[str]:
    """English words outside translation tags, in text or in accessible names."""
    parts, skip_until = [], None
    for token in Lexer(source).tokenize():
        if skip_until is not None:
            if (
                token.token_type == TokenType.BLOCK
                and token.contents.split()[0] in skip_until
            ):
                skip_until = None
            parts.append("\x00")
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if name in ("blocktranslate", "blocktrans") and " as " not in (
                token.contents
            ):
                skip_until = {"endblocktranslate", "endblocktrans"}
            elif name == "comment":
                skip_until = {"endcomment"}
            elif token.contents.split()[1:] == ["og_type"]:
                skip_until = {"endblock"}  # an Open Graph type: "article"
        parts.append("\x00")  # a variable or a tag: never a word
    text = "".join(parts)
    found = []
    for tag in re.finditer(r"<[^>]*>", text):
        for _attribute, value in NAMED.findall(tag.group(0)):
            found += WORD.findall(value)
    outside = re.sub(r"<[^>]*>", " ", text)
    found += WORD.findall(outside)
    return [word for word in found if word not in ALLOWED_WORDS]


def test_the_scan_finds_bare_words_and_passes_translated_ones():
    """The check can fail: each kind of bare English it must catch."""
    assert bare_words("<p>Hello</p>") == ["Hello"]
    assert bare_words('<nav aria-label="Main">') == ["Main"]
    assert bare_words("{% if x %}Other{% endif %}") == ["Other"]
    assert bare_words('{% load i18n %}<p>{% translate "Hello" %}</p>') == []
    assert bare_words("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}") == []
    assert bare_words('<a href="{{ u }}" class="button">{{ label }}</a> · 3') == []
    assert bare_words("{% block og_type %}article{% endblock og_type %}") == []


@pytest.mark.parametrize("template", list(public_templates()))
def test_a_public_template_has_no_bare_english(template):
    source = (ROOT / template).read_text(encoding="utf-8")
    assert bare_words(source) == [], template
