"""SQLite's own full-text engine (FTS5, migration 0003).

``search_fts`` (porter stemming) ranks and cuts snippets; ``search_word_fts``
(trigrams) finds indexed words close to a misspelt one. Both are indexes
SQLite keeps: no search reads every entry or rebuilds a word list.
"""

from django.db import connection

from ..index import kind_weights, visible_entries
from ..query import WORD, similarity
from ..translated import uses_trigrams, visible_translated_entries
from . import SIMILARITY, START, STOP, marked, substring_hits

# The title weighs more than the body (bm25 column weights), and each group
# the title answers adds to the score (bm25 alone saturates on one short title).
TITLE_WEIGHT, BODY_WEIGHT = 8.0, 1.0
TITLE_BONUS = 3.0
SNIPPET_WORDS = 30
# Indexed words sharing most trigrams with a misspelt one, then ranked by
# similarity in Python.
CANDIDATES = 40


def _phrase(text: str) -> str:
    """One FTS5 phrase: quoted, so no word is read as an operator."""
    return '"' + " ".join(WORD.findall(text)).replace('"', '""') + '"'


def _group(phrases) -> str:
    return "(" + " OR ".join(_phrase(phrase) for phrase in phrases) + ")"


def match(groups, limit):
    return _ranked("search_fts", "search_searchentry", visible_entries(), groups, limit)


def match_translated(groups, limit, language):
    """As ``match``, in the translations into ``language``."""
    groups = [group for group in groups if group]
    entries = visible_translated_entries(language)
    if not uses_trigrams(language):
        return _ranked(
            "search_translated_words", "search_translatedentry", entries, groups, limit
        )
    if not groups:
        return []
    # FTS5's trigram table answers LIKE from its index (three characters or
    # more; shorter words, common in Chinese, are looked for in every row).
    visible, visible_params = entries.values("pk").query.sql_with_params()
    like = "(fts.title LIKE %s OR fts.body LIKE %s)"
    phrases = [phrase for group in groups for phrase in group]
    sql = (
        "SELECT entry.content_type_id, entry.object_id, entry.title, entry.body "  # noqa: S608
        "FROM search_translated_trigrams AS fts JOIN search_translatedentry AS entry "
        "ON entry.id = fts.rowid "
        f"WHERE ({' OR '.join(like for _ in phrases)}) AND entry.id IN ({visible})"
    )
    params = [pattern for phrase in phrases for pattern in [_like(phrase)] * 2]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *visible_params])
        rows = cursor.fetchall()
    return substring_hits(rows, groups, limit)


def _like(phrase):
    # No wildcards of the patient's own (an ESCAPE clause would keep FTS5 from
    # using its index).
    return "%" + phrase.replace("%", " ").replace("_", " ") + "%"


def _ranked(table, entries_table, entries, groups, limit):
    groups = [group for group in groups if group]
    if not groups:
        return []
    visible, visible_params = entries.values("pk").query.sql_with_params()
    # How many groups each entry answers, each one an FTS5 lookup by rowid.
    # (``table`` is one of this module's own names, never input.)
    lookup = f"(entry.id IN (SELECT rowid FROM {table} WHERE {table} MATCH %s))"  # noqa: S608
    answered = " + ".join(lookup for _ in groups)
    weight = "CASE entry.content_type_id {} ELSE 1.0 END".format(
        " ".join(f"WHEN {pk:d} THEN {w:f}" for pk, w in kind_weights().items())
    )
    expressions = [_group(group) for group in groups]
    sql = (
        "SELECT entry.content_type_id, entry.object_id, "  # noqa: S608
        f"snippet({table}, 1, %s, %s, '…', {SNIPPET_WORDS}), "
        f"({answered}) AS answered, "
        f"bm25({table}, {TITLE_WEIGHT}, {BODY_WEIGHT}) * {weight} "
        f"- {TITLE_BONUS} * ({answered}) AS score "
        f"FROM {table} JOIN {entries_table} AS entry "
        f"ON entry.id = {table}.rowid "
        f"WHERE {table} MATCH %s AND entry.id IN ({visible}) "
        "ORDER BY answered DESC, score, entry.title LIMIT %s"
    )
    in_title = [f"title : {expression}" for expression in expressions]
    params = [START, STOP, *expressions, *in_title, " OR ".join(expressions)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *visible_params, limit])
        rows = cursor.fetchall()
    return [(ct, pk, marked(snippet or "")) for ct, pk, snippet, *_ in rows]


def nearest(words):
    found = {}
    with connection.cursor() as cursor:
        for word in words:
            grams = {word[i : i + 3] for i in range(len(word) - 2)}
            if not grams:
                continue
            cursor.execute(
                "SELECT word.word FROM search_word_fts JOIN search_searchword AS "
                "word ON word.id = search_word_fts.rowid "
                "WHERE search_word_fts MATCH %s "
                "ORDER BY bm25(search_word_fts) LIMIT %s",
                [" OR ".join(_phrase(gram) for gram in sorted(grams)), CANDIDATES],
            )
            scored = [
                (similarity(word, candidate), candidate)
                for (candidate,) in cursor.fetchall()
            ]
            scored = [(-score, cand) for score, cand in scored if score > SIMILARITY]
            if scored:
                found[word] = min(scored)[1]
    return found
