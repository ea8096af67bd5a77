"""Find approved content for what a patient typed.

PostgreSQL: full-text search (stemmed, ranked, with highlighted snippets) and,
when nothing matches, each unknown word is corrected to the nearest indexed word
by trigram similarity. SQLite (development, tests): the same steps with a plain
word match in Python and ``difflib`` for misspellings. Synonyms from the editable
list widen the query on both; they choose among approved pages only and are never
shown (they are not reviewed, so their words must not reach a patient).
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reviews.registry import reviewed_type_of_content_type
from reviews.selectors import visible_in_bulk

from .index import CONFIG, index_refresh, parsed_body, visible_entries
from .models import Synonym

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
# Markers PostgreSQL puts around matches; replaced by <mark> after escaping.
START, STOP = "\x02", "\x03"
WORD = re.compile(r"[\w+-]+")
# Below this trigram similarity a word is not taken as a misspelling of another.
SIMILARITY = 0.4


@dataclass
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString


@dataclass
class Search:
    query: str
    results: list[Result] = field(default_factory=list)
    corrected: str = ""  # the query as searched, when misspellings were fixed
    # Whether synonyms widened the search; their words are not kept, so no
    # template can print what no reviewer approved.
    widened: bool = False


def normalise(query: str) -> str:
    words = " ".join(str(query or "").split())[:MAX_QUERY_LENGTH].split()
    return " ".join(words[:MAX_WORDS])


def with_synonyms(query: str) -> list[str]:
    """``[query, each variant]``.

    "liver cancer treatment" with the synonym liver cancer → HCC gives
    "HCC treatment" as a variant. Variants are matched against approved entries
    only; they are never shown.
    """
    variants = [query]
    for synonym in Synonym.objects.all():
        pattern = re.compile(rf"(?<!\w){re.escape(synonym.phrase)}(?!\w)", re.I)
        if pattern.search(query):
            variants += [
                pattern.sub(alternative, query)
                for alternative in synonym.alternative_list()
            ]
    return variants


def search(query: str, *, limit: int = 20) -> Search:
    """The approved items matching ``query``, best first."""
    found = Search(query=normalise(query))
    if not WORD.search(found.query):
        return found
    index_refresh()
    variants = with_synonyms(found.query)
    backend = _postgres if connection.vendor == "postgresql" else _python
    hits = backend.match(variants, limit)
    if not hits:
        corrected = backend.correct(found.query)
        if corrected and corrected != found.query:
            variants = with_synonyms(corrected)
            hits = backend.match(variants, limit)
            if hits:
                found.corrected = corrected
    found.widened = len(variants) > 1
    found.results = _results(hits)
    return found


def _results(hits) -> list[Result]:
    """Resolve hits to the items patients see now (one query per kind)."""
    by_type = {}
    for entry, _snippet in hits:
        by_type.setdefault(entry.content_type_id, []).append(entry.object_id)
    shown = {
        content_type: visible_in_bulk(
            reviewed_type_of_content_type(content_type).model, ids
        )
        for content_type, ids in by_type.items()
    }
    results = []
    for entry, snippet in hits:
        item = shown[entry.content_type_id].get(entry.object_id)
        if item is None:
            continue  # unpublished between the search and now
        reviewed = reviewed_type_of_content_type(entry.content_type_id)
        results.append(
            Result(
                kind=reviewed.kind,
                kind_label=str(reviewed.verbose_name).capitalize(),
                title=reviewed.title_of(item.content),
                url=item.get_absolute_url(),
                snippet=snippet,
            )
        )
    return results


def marked(text: str) -> SafeString:
    """Escape ``text`` and turn the match markers into ``<mark>``."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only <mark> added


class _postgres:
    @staticmethod
    def match(variants, limit):
        query = None
        for variant in variants:
            part = SearchQuery(variant, config=CONFIG, search_type="plain")
            query = part if query is None else query | part
        entries = (
            visible_entries()
            .filter(vector=query)
            .annotate(
                rank=SearchRank("vector", query),
                headline=SearchHeadline(
                    parsed_body(),
                    query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                ),
            )
            .order_by("-rank", "title")[:limit]
        )
        return [(entry, marked(entry.headline)) for entry in entries]

    @staticmethod
    def correct(query):
        """Each word replaced by the nearest indexed word, if one is close."""
        words = WORD.findall(query.lower())
        if not words:
            return ""
        visible = visible_entries().values("title", "body")
        inner, params = visible.query.sql_with_params()
        # The words of every visible entry, then for each asked word the most
        # similar of them (pg_trgm), if it is similar enough.
        # ``inner`` is SQL Django compiled, its values still parameters.
        sql = (
            "WITH lexicon AS MATERIALIZED (SELECT DISTINCT word FROM "  # noqa: S608
            f"({inner}) AS visible, regexp_split_to_table(lower(visible.title "
            "|| ' ' || visible.body), '[^[:alnum:]+-]+') AS word "
            "WHERE length(word) > 2) "
            "SELECT asked.word, (SELECT lexicon.word FROM lexicon "
            "WHERE similarity(lexicon.word, asked.word) > %s "
            "ORDER BY similarity(lexicon.word, asked.word) DESC, lexicon.word "
            "LIMIT 1) FROM unnest(%s::text[]) AS asked(word)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, SIMILARITY, words])
            nearest = dict(cursor.fetchall())
        return " ".join(nearest.get(word) or word for word in words)


class _python:
    @staticmethod
    def _entries():
        return list(visible_entries().order_by("title"))

    @staticmethod
    def match(variants, limit):
        scored = []
        for entry in _python._entries():
            title, body = entry.title.lower(), entry.body.lower()
            best, words = 0, []
            for variant in variants:
                wanted = WORD.findall(variant.lower())
                if wanted and all(_has(title, w) or _has(body, w) for w in wanted):
                    score = sum(3 * _has(title, w) + _has(body, w) for w in wanted)
                    if score > best:
                        best, words = score, wanted
            if best:
                scored.append((best, entry, words))
        scored.sort(key=lambda hit: (-hit[0], hit[1].title))
        return [(entry, _snippet(entry.body, words)) for _, entry, words in scored][
            :limit
        ]

    @staticmethod
    def correct(query):
        vocabulary = {
            word
            for entry in _python._entries()
            for word in WORD.findall(f"{entry.title} {entry.body}".lower())
        }
        return " ".join(
            word
            if word in vocabulary
            else next(iter(difflib.get_close_matches(word, vocabulary, 1, 0.8)), word)
            for word in WORD.findall(query.lower())
        )


def _has(text, word):
    return len(re.findall(rf"(?<!\w){re.escape(word)}", text))


def _snippet(body, words, width=30):
    """About ``width`` words of ``body`` around the first match, matches marked."""
    tokens = body.split()
    first = next(
        (
            index
            for index, token in enumerate(tokens)
            if any(token.lower().startswith(word) for word in words)
        ),
        0,
    )
    start = max(first - width // 3, 0)
    shown = tokens[start : start + width]
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(word)}\w*" for word in words), re.I
    )
    text = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", " ".join(shown))
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(tokens) else ""
    return marked(f"{prefix}{text}{suffix}")
