import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format, get_format, time_format
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


def _format_or(name: str, fallback: str) -> str:
    # ``get_format`` gives back the name itself when no format module of the
    # language defines it: then the language's own Django format applies.
    found = get_format(name)
    return get_format(fallback) if found == name else found


@register.filter(expects_localtime=True, is_safe=False)
def long_date(value):
    """A date as patients read it in the page's language: "7 December 2026",
    "7 ديسمبر، 2026", "2026年12月7日".

    The English format module names ``LONG_DATE_FORMAT`` because its
    ``DATE_FORMAT`` is the staff pages' short "7 Dec 2026"; any other language
    reads Django's own ``DATE_FORMAT`` for it, so a new language needs no code.
    """
    if value in (None, ""):
        return ""
    return date_format(value, _format_or("LONG_DATE_FORMAT", "DATE_FORMAT"))


@register.filter(expects_localtime=True, is_safe=False)
def long_datetime(value):
    """A moment as patients read it: "7 December 2026, 14:05", "2026年12月7日
    14:05"; a language without a long date-and-time format gets its long date
    and its own time format."""
    if value in (None, ""):
        return ""
    found = get_format("LONG_DATETIME_FORMAT")
    if found != "LONG_DATETIME_FORMAT":
        return date_format(value, found)
    return f"{long_date(value)} {time_format(value, get_format('TIME_FORMAT'))}"
