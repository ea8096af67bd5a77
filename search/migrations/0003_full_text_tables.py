from django.db import migrations

# Written by hand: the full-text tables SQLite searches with
# (search/backends/sqlite.py) and PostgreSQL's trigram index for misspellings.
# Each runs only on its own database, chosen by the connection's vendor.

SQLITE_FORWARDS = [
    # Ranked, stemmed matching with snippets. External content: the words live
    # once, in search_searchentry; the triggers keep the index in step with it
    # (approvals, rebuilds, loaddata and flush alike).
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "content='search_searchentry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); "
    "END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); "
    "END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    # Typo tolerance: the indexed words, split into trigrams.
    "CREATE VIRTUAL TABLE search_word_fts USING fts5(word, "
    "content='search_searchword', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_word_fts_insert AFTER INSERT ON search_searchword BEGIN "
    "INSERT INTO search_word_fts(rowid, word) VALUES (new.id, new.word); END",
    "CREATE TRIGGER search_word_fts_delete AFTER DELETE ON search_searchword BEGIN "
    "INSERT INTO search_word_fts(search_word_fts, rowid, word) "
    "VALUES ('delete', old.id, old.word); END",
    "CREATE TRIGGER search_word_fts_update AFTER UPDATE ON search_searchword BEGIN "
    "INSERT INTO search_word_fts(search_word_fts, rowid, word) "
    "VALUES ('delete', old.id, old.word); "
    "INSERT INTO search_word_fts(rowid, word) VALUES (new.id, new.word); END",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_word_fts_update",
    "DROP TRIGGER IF EXISTS search_word_fts_delete",
    "DROP TRIGGER IF EXISTS search_word_fts_insert",
    "DROP TABLE IF EXISTS search_word_fts",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRESQL_FORWARDS = [
    "CREATE INDEX search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = ["DROP INDEX IF EXISTS search_word_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements_by_vendor.get(vendor, []):
            schema_editor.execute(statement)

    return run


forwards = _run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRESQL_FORWARDS})
backwards = _run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRESQL_BACKWARDS})


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgresql_indexes_and_synonyms"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
