"""One allowlist for every piece of stored HTML.

Rich text reaches the database from the admin's CKEditor, from the ORM (management
commands, shells, data migrations) and from bulk updates. Cleaning it in the model
field means no path can skip it.
"""

import html
import re

import nh3

# An <img> is kept only when a registered check says its address is one of the
# site's own reviewed pictures (the image library registers one: a rendition
# made after approval). Anything else, a tracking pixel or a picture nobody
# reviewed, is removed with its tag. With no check registered, every <img> goes.
_IMAGE_SOURCE_CHECKS = []


def register_image_source(check) -> None:
    """``check(src) -> bool``: whether an <img> may point at ``src``."""
    if check not in _IMAGE_SOURCE_CHECKS:
        _IMAGE_SOURCE_CHECKS.append(check)


def is_allowed_image_source(src: str) -> bool:
    return any(check(src) for check in _IMAGE_SOURCE_CHECKS)


# What stored rich text says about a picture was checked when it was saved; what
# a page shows of it is decided when the page is drawn (the image library
# registers one: the picture's approved version, or nothing once it has none).
_IMAGE_RENDERERS = []


def register_image_renderer(render) -> None:
    """``render(srcs) -> {src: html}``: what a page shows for each <img>."""
    if render not in _IMAGE_RENDERERS:
        _IMAGE_RENDERERS.append(render)


IMG_TAG = re.compile(r"<img\s[^>]*>")
IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
# The editor puts a block picture in a <figure>: without its picture it goes too.
EMPTY_FIGURE = re.compile(r"<figure>\s*</figure>")


def image_sources(value: str) -> set[str]:
    """The address of each <img> in sanitised rich text."""
    if not value or "<img" not in value:
        return set()
    found = (IMG_SRC.search(tag) for tag in IMG_TAG.findall(value))
    return {html.unescape(src.group(1)) for src in found if src}


def images_shown(values) -> dict[str, str]:
    """``{src: html}`` for every <img> in ``values`` ("" where nothing is shown).

    Each renderer is asked once for all of them: a page that gathers the rich
    text it shows before it is drawn and hands this to ``show_images`` pays the
    same queries for one field with a picture as for fifty.
    """
    return _render(set().union(*(image_sources(value) for value in values)))


def _render(srcs: set[str]) -> dict[str, str]:
    shown = {}
    for render in _IMAGE_RENDERERS if srcs else ():
        shown.update(render(srcs - shown.keys()))
    return {src: shown.get(src, "") for src in srcs}


def show_images(value: str, shown: dict[str, str] | None = None) -> str:
    """Sanitised rich text with each <img> replaced by what a registered
    renderer shows for its address; an <img> no renderer shows is removed.

    ``shown`` is what ``images_shown`` gave for the page's rich text; an
    address it lacks is looked up here."""
    if not value or "<img" not in value:
        return value or ""
    shown = shown or {}
    missing = image_sources(value) - shown.keys()
    if missing:
        shown = {**shown, **_render(missing)}

    def replace(match):
        found = IMG_SRC.search(match.group(0))
        return shown.get(html.unescape(found.group(1)), "") if found else ""

    return EMPTY_FIGURE.sub("", IMG_TAG.sub(replace, value))


# nh3's output is normalised (quoted attributes, no comments): an <img> left
# without a src (its address was refused) is matched reliably.
IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "a", "figure", "figcaption", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "hr",
    "span", "code", "pre", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "img": {"src", "alt", "width", "height"},
}
# Relative URLs stay allowed (nh3 keeps them); data: and javascript: do not.
ALLOWED_URL_SCHEMES = {"https", "mailto"}
URL_ATTRIBUTES = {"href", "src"}


def is_protocol_relative(url: str) -> bool:
    """``//evil.example`` (and ``/\\evil.example``, read alike by browsers)
    leaves the site while looking relative."""
    start = url.strip(" \t\n\r\x0c\x00")[:2].replace("\\", "/")
    return start == "//"


def drop_protocol_relative(element: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES and is_protocol_relative(value):
        return None
    if element == "img":
        if attribute == "src" and not is_allowed_image_source(value):
            return None
        if attribute in ("width", "height") and not value.isdigit():
            return None
    return value


def clean_html(value: str | None) -> str:
    """Return ``value`` reduced to the tags and attributes patient content uses."""
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        # "*" replaces nh3's default generic attributes ("lang", "title" anywhere).
        attributes={"*": set(), **ALLOWED_ATTRIBUTES},
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=drop_protocol_relative,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return IMG_WITHOUT_SRC.sub("", cleaned).strip()
