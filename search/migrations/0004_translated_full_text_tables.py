# The full-text tables of translated entries (the model is in 0001), written by
# hand like migration 0003: on SQLite one FTS5 table per kind of
# tokenizer (no stemming: "unicode61" for languages written with spaces between
# words, "trigram" for those written without), on PostgreSQL a GIN index on the
# ("simple") vector and trigram indexes for substring matching.

from django.db import migrations


def _fts(table, tokenizer):
    source = "search_translatedentry"
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, "
        f"content='{source}', content_rowid='id', tokenize='{tokenizer}')",
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON {source} BEGIN "
        f"INSERT INTO {table}(rowid, title, body) "
        "VALUES (new.id, new.title, new.body); END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON {source} BEGIN "
        f"INSERT INTO {table}({table}, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE ON {source} BEGIN "
        f"INSERT INTO {table}({table}, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); "
        f"INSERT INTO {table}(rowid, title, body) "
        "VALUES (new.id, new.title, new.body); END",
    ]


SQLITE_FORWARDS = [
    *_fts("search_translated_words", "unicode61 remove_diacritics 2"),
    *_fts("search_translated_trigrams", "trigram"),
]
SQLITE_BACKWARDS = [
    f"DROP {what} IF EXISTS {table}{suffix}"
    for table in ("search_translated_words", "search_translated_trigrams")
    for what, suffix in (
        ("TRIGGER", "_update"),
        ("TRIGGER", "_delete"),
        ("TRIGGER", "_insert"),
        ("TABLE", ""),
    )
]
POSTGRESQL_FORWARDS = [
    "CREATE INDEX search_translated_vector_gin ON search_translatedentry "
    "USING gin (vector)",
    "CREATE INDEX search_translated_title_trgm ON search_translatedentry "
    "USING gin (title gin_trgm_ops)",
    "CREATE INDEX search_translated_body_trgm ON search_translatedentry "
    "USING gin (body gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS search_translated_body_trgm",
    "DROP INDEX IF EXISTS search_translated_title_trgm",
    "DROP INDEX IF EXISTS search_translated_vector_gin",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements_by_vendor.get(vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_full_text_tables"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS}),
            _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS}),
        ),
    ]
