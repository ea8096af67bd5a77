"""Inline citations: ``[ref:key]`` markers in the text patients read.

An editor cites a source where the claim stands by typing ``[ref:key]`` (the
source's short key, listed beside each text field in the admin). The marker is
plain text, in CKEditor and in plain item texts alike, so the sanitiser keeps it
as it is and stored HTML never has to be trusted: pages turn markers into
numbered links at render time, numbering each page's references in the order
they are first cited.

The framework knows no content app: the app that owns the sources registers a
lookup (``register_source_lookup``) from ``AppConfig.ready()``.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cancerfax.sanitize import images_shown, show_images

KEY_PATTERN = r"[a-z0-9][a-z0-9-]{0,39}"
# Spaces and capitals an editor may type are forgiven; the key is lower case.
MARKER = re.compile(r"\[\s*ref\s*:\s*([A-Za-z0-9][A-Za-z0-9-]{0,39})\s*\]")
# A marker with the spaces before it: the number sits against the word.
_SPACED_MARKER = re.compile(r"[ \t]*" + MARKER.pattern)

# keys -> {key: source}; a source has key, title, source, year, pmid, doi, url.
_lookup: list[Callable[[Iterable[str]], dict[str, Any]]] = []
# () -> every key there is, for the editors' help texts.
_all_keys: list[Callable[[], list[str]]] = []


def register_source_lookup(
    lookup: Callable[[Iterable[str]], dict[str, Any]],
    *,
    all_keys: Callable[[], list[str]] = list,
):
    """Set the function that finds sources by key (one query for many keys) and
    the one listing every key."""
    _lookup[:] = [lookup]
    _all_keys[:] = [all_keys]


def all_keys() -> list[str]:
    return _all_keys[0]() if _all_keys else []


def citing_help(help_text, keys) -> str:
    """A citing field's help text followed by the keys that exist now."""
    listed = ", ".join(keys) if keys else str(_("none yet"))
    return format_html("{} {} {}", help_text, _("Keys you can cite:"), listed)


class CitingFieldsMixin:
    """Admin (or inline) mixin: fields that take ``[ref:key]`` markers list the
    keys that exist, so an editor sees what they can cite while typing."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and validate_markers in db_field.validators:
            # Read once per request, however many fields and inlines cite.
            if not hasattr(request, "citation_keys"):
                request.citation_keys = all_keys()
            formfield.help_text = citing_help(
                formfield.help_text, request.citation_keys
            )
        return formfield


def sources_by_key(keys: Iterable[str]) -> dict[str, Any]:
    keys = set(keys)
    if not keys or not _lookup:
        return {}
    return _lookup[0](keys)


def marker_keys(text: str) -> list[str]:
    """The keys ``text`` cites, in order, each once."""
    return list(dict.fromkeys(m.group(1).lower() for m in MARKER.finditer(text or "")))


def has_marker(text: str) -> bool:
    return bool(MARKER.search(text or ""))


def strip_markers(text: str) -> str:
    """``text`` without its markers, for places that show no reference list
    (search results, structured data, the glossary's tooltips)."""
    return _SPACED_MARKER.sub("", text or "")


def unknown_keys(text: str) -> list[str]:
    keys = marker_keys(text)
    known = sources_by_key(keys)
    return [key for key in keys if key not in known]


def validate_markers(value: str) -> None:
    """Refuse text citing a key no source has (a field validator)."""
    unknown = unknown_keys(value)
    if unknown:
        raise ValidationError(
            ngettext(
                "No source has the key %(keys)s. Use a key from the list of "
                "sources, or add the source first.",
                "No source has the keys %(keys)s. Use keys from the list of "
                "sources, or add the sources first.",
                len(unknown),
            ),
            code="unknown_citation",
            params={"keys": ", ".join(f"“{key}”" for key in unknown)},
        )


MARKER_HELP = _(
    "Cite a source where the claim stands by typing [ref:key], e.g. "
    "[ref:ddt-2017]; the page shows a numbered link to its reference list. The "
    "keys are listed under Guides › Citations."
)


# A tag, with ``>`` allowed inside quoted attribute values; the input is our
# own sanitised HTML.
_TAG = re.compile(r"""(<(?:"[^"]*"|'[^']*'|[^'">])*>)""")


def _identity(source) -> str:
    key = getattr(source, "key", "")
    return f"key:{key}" if key else f"id:{getattr(source, 'id', id(source))}"


@dataclass
class PageReferences:
    """One page's references, numbered in the order they are first cited, and
    the pictures its rich text shows (``cancerfax.sanitize.images_shown``):
    both are read once for all the texts of the page, before it is drawn."""

    entries: list = field(default_factory=list)
    _numbers: dict[str, int] = field(default_factory=dict)
    pictures: dict[str, str] = field(default_factory=dict)

    def add(self, source) -> int:
        identity = _identity(source)
        if identity not in self._numbers:
            self.entries.append(source)
            self._numbers[identity] = len(self.entries)
        return self._numbers[identity]

    def number(self, key: str) -> int | None:
        return self._numbers.get(f"key:{key.lower()}")

    def __bool__(self):
        return bool(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)

    def _marker(self, match) -> str:
        number = self.number(match.group(1))
        if number is None:
            return ""  # a source deleted since: its marker goes, not the text
        return format_html(
            '<sup class="cite"><a href="#ref-{}" aria-label="{}">{}</a></sup>',
            number,
            _("Reference %(number)s") % {"number": number},
            number,
        )

    def html(self, value: str) -> SafeString:
        """Sanitised rich text with its markers as numbered links.

        Only text between tags is touched: a marker typed into a link's
        address or title stays as it was.
        """
        parts = _TAG.split(show_images(value or "", self.pictures))
        parts[::2] = [_SPACED_MARKER.sub(self._marker, part) for part in parts[::2]]
        return mark_safe("".join(parts))  # noqa: S308

    def text(self, value: str) -> SafeString:
        """Plain text, escaped, with its markers as numbered links."""
        return mark_safe(_SPACED_MARKER.sub(self._marker, escape(value or "")))  # noqa: S308


def page_references(parts: Iterable, *, known: Iterable = ()) -> PageReferences:
    """Number what ``parts`` cite, in order of first citation, and look up
    the pictures their rich text shows.

    A part is a text (its markers cite) or a source cited directly (a key
    number's citation). ``known`` are sources a version stored in full (a
    guide's references): they are used as approved; other keys are looked up
    in one query, and the pictures of every text in one lookup (none without
    a picture). A text not passed here still shows its pictures, at the cost
    of a lookup of its own.
    """
    parts = list(parts)
    stored = {source.key: source for source in known if getattr(source, "key", "")}
    keys = [key for part in parts if isinstance(part, str) for key in marker_keys(part)]
    found = {**sources_by_key(set(keys) - stored.keys()), **stored}
    references = PageReferences(
        pictures=images_shown(part for part in parts if isinstance(part, str))
    )
    for part in parts:
        if not isinstance(part, str):
            references.add(part)
            continue
        for key in marker_keys(part):
            if key in found:
                references.add(found[key])
    return references
