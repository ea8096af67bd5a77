from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html

from cancerfax.languages import language_attributes
from cancerfax.templatetags.site_tags import json_ld
from reviews.citing import PageReferences, strip_markers

register = template.Library()

# The one JSON-LD writer lives in the shared kernel; review pages load it here.
register.simple_tag(json_ld, name="json_ld")


def anchor_of(obj) -> str:
    """How diffs and comments name one part of an item: "section-12"."""
    return f"{obj._meta.model_name}-{obj.pk}"


@register.filter
def comments_for(comments, obj):
    """The reviewer's comments on ``obj`` (a section, an item of it)."""
    if obj is None or not obj.pk:
        return []
    return (comments or {}).get(anchor_of(obj), [])


@register.filter
def typed_for(typed, anchor):
    """The comment the reviewer typed on the part ``anchor`` (kept when a
    decision is refused, so the text is never lost)."""
    return (typed or {}).get(anchor, "")


@register.inclusion_tag("admin/reviews/includes/reading_level.html")
def reading_level(text):
    """The reading level of ``text`` against the site's target (advice only)."""
    from ..readability import reading_level as measure

    return {"level": measure(text)}


@register.simple_tag(takes_context=True)
def part_key(context, name, *values):
    """``{% part_key "footer" trust_pages.links as key %}`` for ``{% fragment %}``.

    No key (the part is rendered every time) in a staff preview or for a
    signed-in visitor.
    """
    from ..part_keys import part_key as key_of

    if context.get("is_preview"):
        return None
    request = context.get("request")
    return key_of(name, *values, viewer=getattr(request, "user", None))


def _references(references):
    return references if isinstance(references, PageReferences) else PageReferences()


@register.filter
def uncite(value):
    """Text without its citation markers (meta descriptions, tooltips)."""
    return strip_markers(value)


@register.filter
def cite(value, references=None):
    """Plain text, escaped, its ``[ref:key]`` markers numbered links into
    ``references`` (a page's ``PageReferences``); markers are dropped where the
    page lists no references."""
    return _references(references).text(value)


@register.filter
def cite_html(value, references=None):
    """Sanitised rich text with its markers as numbered links (see ``cite``)."""
    return _references(references).html(value)


@register.filter
def lang_of(item):
    """``<p{{ topic|lang_of }}>``: marks an element holding ``item``'s words
    when they are not in the page's language, as when an item has no approved
    translation and its English shows on an Arabic page, so screen readers
    pronounce it as English and right-to-left layout does not reorder it. Any
    object saying its ``language`` (``Visible``, ``Picture``) can be marked, or
    a language code itself."""
    if isinstance(item, str):
        return language_attributes(item)
    return language_attributes(getattr(item, "language", None))


@register.filter
def lang_span(text, item):
    """``text`` (words of ``item``) in a ``<span>`` marked as ``lang_of`` does,
    for words set inside a translated sentence: "Go to {{ title }}"."""
    attributes = lang_of(item)
    if not attributes:
        return conditional_escape(text)
    return format_html("<span{}>{}</span>", attributes, text)


@register.simple_tag
def source_language():
    """The marking of words always written in the source language (reviewers'
    signatures as signed, references as published)."""
    return language_attributes(settings.LANGUAGE_CODE)
