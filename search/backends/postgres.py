"""PostgreSQL's full-text search (stemmed, ranked, with highlighted snippets)
and pg_trgm for misspellings (the trigram index on ``search_searchword``)."""

from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    Value,
    When,
)

from ..index import CONFIG, kind_weights, parsed_body, visible_entries
from ..translated import CONFIG as TRANSLATED_CONFIG
from ..translated import uses_trigrams, visible_translated_entries
from . import SIMILARITY, START, STOP, marked, substring_hits

# ts_rank divided by 1 + log(length), so a long guide does not win on length
# alone; each group the title answers adds TITLE_BONUS (as on SQLite).
NORMALIZATION = 1
TITLE_BONUS = 0.1


def _title_vector():
    """The title's part of the vector (weight A)."""
    return Func(
        F("vector"),
        Value("{a}"),
        function="ts_filter",
        template='%(function)s(%(expressions)s::"char"[])',
        output_field=SearchVectorField(),
    )


def _count(field, queries):
    return reduce(
        add,
        (
            Case(
                When(**{field: part}, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for part in queries
        ),
    )


def _group(phrases, config=CONFIG):
    return reduce(
        or_,
        (
            SearchQuery(phrase, config=config, search_type="phrase")
            for phrase in phrases
        ),
    )


def _weight():
    return Case(
        *(
            When(content_type_id=pk, then=Value(weight))
            for pk, weight in kind_weights().items()
        ),
        default=Value(1.0),
        output_field=FloatField(),
    )


def match(groups, limit):
    return _ranked(visible_entries(), groups, limit, CONFIG)


def match_translated(groups, limit, language):
    """As ``match``, in the translations into ``language``: the ``simple``
    configuration (no stemming), or substrings through the trigram indexes
    for languages written without spaces."""
    groups = [group for group in groups if group]
    entries = visible_translated_entries(language)
    if not uses_trigrams(language):
        return _ranked(entries, groups, limit, TRANSLATED_CONFIG)
    if not groups:
        return []
    found = reduce(
        or_,
        (
            Q(title__icontains=phrase) | Q(body__icontains=phrase)
            for group in groups
            for phrase in group
        ),
    )
    rows = entries.filter(found).values_list(
        "content_type_id", "object_id", "title", "body"
    )
    return substring_hits(rows, groups, limit)


def _ranked(entries, groups, limit, config):
    groups = [group for group in groups if group]
    if not groups:
        return []
    queries = [_group(group, config) for group in groups]
    query = reduce(or_, queries)
    entries = (
        entries.filter(vector=query)
        .annotate(title_vector=_title_vector())
        .annotate(
            answered=_count("vector", queries),
            rank=SearchRank("vector", query, normalization=Value(NORMALIZATION))
            * _weight()
            + TITLE_BONUS * _count("title_vector", queries),
            headline=SearchHeadline(
                parsed_body(),
                query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
            ),
        )
        .order_by("-answered", "-rank", "title")[:limit]
    )
    return [
        (entry.content_type_id, entry.object_id, marked(entry.headline))
        for entry in entries
    ]


def nearest(words):
    if not words:
        return {}
    # For each asked word the most similar indexed word (pg_trgm's ``%`` uses
    # the trigram index), if it is similar enough.
    sql = (
        "SELECT asked.word, (SELECT indexed.word FROM search_searchword AS indexed "
        "WHERE indexed.word %% asked.word "
        "AND similarity(indexed.word, asked.word) > %s "
        "ORDER BY similarity(indexed.word, asked.word) DESC, indexed.word "
        "LIMIT 1) FROM unnest(%s::text[]) AS asked(word)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [SIMILARITY, list(words)])
        return {word: near for word, near in cursor.fetchall() if near}
