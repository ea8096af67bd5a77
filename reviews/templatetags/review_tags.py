import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: the data can never close the script element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` data block."""
    text = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # escaped above; JSON is not HTML
    )


def anchor_of(obj) -> str:
    """How diffs and comments name one part of an item: "section-12"."""
    return f"{obj._meta.model_name}-{obj.pk}"


@register.filter
def comments_for(comments, obj):
    """The reviewer's comments on ``obj`` (a section, an item of it)."""
    if obj is None or not obj.pk:
        return []
    return (comments or {}).get(anchor_of(obj), [])


@register.inclusion_tag("admin/reviews/includes/reading_level.html")
def reading_level(text):
    """The reading level of ``text`` against the site's target (advice only)."""
    from ..readability import reading_level as measure

    return {"level": measure(text)}
