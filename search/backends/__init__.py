"""The database-specific half of search: one module per engine, same functions.

``match(groups, limit)`` returns ``[(content_type_id, object_id, snippet)]``
best first; ``nearest(words)`` returns ``{word: nearest indexed word}`` for
those of ``words`` that have a close one.
"""

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite


# Markers put around matches; replaced by <mark> after escaping.
START, STOP = "\x02", "\x03"
# Below this trigram similarity a word is not taken as a misspelling of another.
SIMILARITY = 0.4


def marked(text: str) -> SafeString:
    """Escape ``text`` and turn the match markers into ``<mark>``."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only <mark> added
