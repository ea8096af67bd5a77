"""One allowlist for every piece of stored HTML.

Rich text reaches the database from the admin's CKEditor, from the ORM (management
commands, shells, data migrations) and from bulk updates. Cleaning it in the model
field means no path can skip it.
"""

import nh3

# Image upload is off in the editor, so an <img> could only point at another
# host (a tracking pixel, or content nobody reviewed). Turn this on together
# with an upload that stores images on this site.
IMAGES_ENABLED = False

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "a", "figure", "figcaption", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "hr",
    "span", "code", "pre",
} | ({"img"} if IMAGES_ENABLED else set())  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    **({"img": {"src", "alt", "width", "height"}} if IMAGES_ENABLED else {}),
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
    return value


def clean_html(value: str | None) -> str:
    """Return ``value`` reduced to the tags and attributes patient content uses."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        # "*" replaces nh3's default generic attributes ("lang", "title" anywhere).
        attributes={"*": set(), **ALLOWED_ATTRIBUTES},
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=drop_protocol_relative,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
