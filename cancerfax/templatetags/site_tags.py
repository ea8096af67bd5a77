import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cancerfax.sanitize import show_images
from cancerfax.structured_data import breadcrumb_list

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


@register.simple_tag
def breadcrumb_json_ld(crumbs):
    return json_ld(breadcrumb_list(crumbs))


@register.filter
def tel_href(number):
    """The ``tel:`` address of a number as people write it ("+44 20 7946 0000")."""
    dialled = re.sub(r"[^\d+]", "", str(number or ""))
    return f"tel:{dialled}" if dialled else ""


@register.filter
def rich_text(value):
    """Stored (sanitised) rich text as a page shows it: library pictures as
    their approved versions (``cancerfax.sanitize.show_images``)."""
    return mark_safe(show_images(value))  # noqa: S308
