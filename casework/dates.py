"""One way to show a moment on the queue and the case page: "6 Dec 2026, 14:05"
(the site's DATETIME_FORMAT, day and month in words so no reader swaps them),
in a ``<time>`` element that carries the exact value."""

from django.utils import formats, timezone
from django.utils.html import format_html


def when(value, *, with_time: bool = True) -> str:
    if value is None:
        return "—"
    if with_time:
        value = timezone.localtime(value)
        shown = formats.date_format(value, "DATETIME_FORMAT")
    else:
        if hasattr(value, "tzinfo"):
            value = timezone.localtime(value)
        shown = formats.date_format(value, "DATE_FORMAT")
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), shown)
