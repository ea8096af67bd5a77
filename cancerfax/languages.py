"""The site's languages: their tags, directions and each page's address in each.

Everything here is read from ``settings.LANGUAGES`` and Django's own tables
(``get_language_info``: local name, right-to-left), so adding a language is a
line in the settings and a catalogue under ``locale/``, no code.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, to_locale


def language_tag(code: str | None = None) -> str:
    """The BCP 47 tag (``en-GB``, ``ar``, ``zh-Hans``) for ``lang``,
    ``hreflang`` and schema.org's ``inLanguage``; the active language by default."""
    return to_locale(code or get_language() or settings.LANGUAGE_CODE).replace("_", "-")


def is_rtl(code: str | None = None) -> bool:
    return get_language_info(code or get_language() or settings.LANGUAGE_CODE)["bidi"]


def language_attributes(language: str | None, *, always=False) -> str:
    """`` lang="en-GB" dir="ltr"`` for an element holding words in ``language``
    on the current page; empty when they are in the page's own language (or
    their language is not known), unless ``always``: for words that may stand
    inside an element in another language."""
    if not language or (language == get_language() and not always):
        return ""
    direction = "rtl" if is_rtl(language) else "ltr"
    return format_html(' lang="{}" dir="{}"', language_tag(language), direction)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    tag: str
    name: str  # in the language itself, as a reader of it looks for it
    path: str
    current: bool


def language_links(path_info: str) -> list[LanguageLink]:
    """The page at ``path_info`` in every language, or ``[]`` when the address
    is the same in all (the secure-link pages, an unknown address)."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return []
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    active = get_language()
    links = []
    for code, label in settings.LANGUAGES:
        with translation.override(code):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                # An address some pattern matches that its converters would
                # never write (a garbled link): no other language to offer.
                return []
            # The settings' name in the language itself ("English", not
            # Django's "British English"), as its reader looks for it.
            own_name = str(label)
        links.append(
            LanguageLink(
                code=code,
                tag=language_tag(code),
                name=own_name,
                path=path,
                current=code == active,
            )
        )
    if len({link.path for link in links}) < 2:
        return []
    return links


def reverse_in_every_language(name: str, **kwargs) -> list[str]:
    """The address of URL ``name`` in each language (once if they are alike)."""
    paths = []
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse(name, **kwargs))
    return list(dict.fromkeys(paths))


def page_language(inquiry_language: str) -> str:
    """The site language to show a patient their pages in: theirs where the
    site has it, else the source language."""
    return site_language(inquiry_language) or settings.LANGUAGE_CODE


def site_language(inquiry_language: str) -> str | None:
    """The site language (``zh-hans``) whose primary tag is an inquiry's
    preferred language (``zh``), or ``None`` if the site has none."""
    for code, _name in settings.LANGUAGES:
        if code.split("-")[0] == inquiry_language:
            return code
    return None
