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


SNIPPET_CHARACTERS = 60


def substring_hits(rows, groups, limit):
    """Rank ``(content type, id, title, body)`` rows found by substring, for
    languages written without spaces: by how many groups each answers, then
    how many its title answers. The snippet is cut around the first match."""
    scored = []
    for content_type, object_id, title, body in rows:
        low_title, low_body = title.lower(), body.lower()
        answered = sum(any(p in low_title or p in low_body for p in g) for g in groups)
        in_title = sum(any(p in low_title for p in g) for g in groups)
        scored.append((-answered, -in_title, title, content_type, object_id, body))
    scored.sort()
    phrases = [p for g in groups for p in g]
    return [
        (content_type, object_id, _snippet(body, phrases))
        for *_, content_type, object_id, body in scored[:limit]
    ]


def _snippet(body, phrases):
    low = body.lower()
    found = [(low.find(p), p) for p in phrases if p in low]
    if not found:
        return marked(body[:SNIPPET_CHARACTERS])
    start, phrase = min(found)
    begin = max(0, start - SNIPPET_CHARACTERS // 2)
    end = start + len(phrase)
    text = (
        ("…" if begin else "")
        + body[begin:start]
        + START
        + body[start:end]
        + STOP
        + body[end : end + SNIPPET_CHARACTERS // 2]
        + ("…" if end + SNIPPET_CHARACTERS // 2 < len(body) else "")
    )
    return marked(text)
