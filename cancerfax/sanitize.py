"""One allowlist for every piece of stored HTML.

Rich text reaches the database from the admin's CKEditor, from the ORM (management
commands, shells, data migrations) and from bulk updates. Cleaning it in the model
field means no path can skip it.
"""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "a", "figure", "figcaption", "img", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "hr",
    "span", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
# Relative URLs stay allowed (nh3 keeps them); data: and javascript: do not.
ALLOWED_URL_SCHEMES = {"https", "mailto"}


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
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
