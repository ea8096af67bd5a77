"""PostgreSQL's full-text search (stemmed, ranked, with highlighted snippets)
and pg_trgm for misspellings (the trigram index on ``search_searchword``)."""

from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, FloatField, IntegerField, Value, When

from ..index import CONFIG, kind_weights, parsed_body, visible_entries
from . import SIMILARITY, START, STOP, marked


def _group(phrases):
    return reduce(
        or_,
        (SearchQuery(phrase, config=CONFIG, search_type="phrase") for phrase in phrases),
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
    if not groups:
        return []
    queries = [_group(group) for group in groups]
    query = reduce(or_, queries)
    answered = reduce(
        add,
        (
            Case(
                When(vector=part, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for part in queries
        ),
    )
    entries = (
        visible_entries()
        .filter(vector=query)
        .annotate(
            answered=answered,
            rank=SearchRank("vector", query) * _weight(),
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
