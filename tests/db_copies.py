"""Put the test database back from a copy instead of emptying and refilling it.

A transactional test (the browser's, the races') commits what it writes, and
Django empties the database after each one with ``flush``: a DELETE per table,
then ``post_migrate`` creating content types, permissions and the role groups
again, some 0.35 s of CPU a test. Loading the demo content costs seconds more
(``load_demo``). Instead the suite keeps the freshly migrated database and the
database with the demo content as copies and puts one back, on the two engines
the project runs on:

- SQLite: the backup API copies the whole database, page by page, into memory
  and back, in a few milliseconds.
- PostgreSQL: each copy is a schema of its own in the test database, holding a
  copy of every table and the value of every sequence. Putting it back deletes
  every row and inserts the copy's, server-side, in one transaction: the foreign
  keys are checked at its commit, and ``erasure_allowed`` lets the append-only
  rows go as ``flush`` does. The demo content comes back in 0.06 s where
  ``loaddata`` took 1.9 s and a ``load_demo --users`` 5 s; the empty database
  in 0.02 s.
"""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from cancerfax.append_only import erasure_allowed

EMPTY = "empty"
DEMO = "demo"
DEMO_USERS = "demo with users"

# Each copy by name: SQLite's database in memory, or PostgreSQL's sequences with
# their values (its rows are in the copy's schema).
_copies: dict[str, sqlite3.Connection | list[tuple[str, int, bool]]] = {}


def take(name: str) -> None:
    """Keep a copy of the database as it is now (nothing uncommitted may be in it)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _copies[name] = copy
    else:
        _copies[name] = _take_postgresql(name)


def save(name: str, path) -> None:
    """Write the SQLite copy ``name`` to a database file at ``path``."""
    target = sqlite3.connect(path)
    try:
        _copies[name].backup(target)
    finally:
        target.close()


def load(name: str, path) -> None:
    """Keep the SQLite database file at ``path`` as the copy ``name``."""
    source = sqlite3.connect(path)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(copy)
    finally:
        source.close()
    _copies[name] = copy


def restore(name: str) -> None:
    """Put the copy ``name`` back: outside a transaction, whose rows it would
    replace under it."""
    assert not connection.in_atomic_block, f"{name!r} restored inside a transaction"
    connection.ensure_connection()
    copy = _copies[name]
    if connection.vendor == "sqlite":
        copy.backup(connection.connection)
    else:
        _restore_postgresql(name, copy)
    # The copy's content types may differ from those a flush recreated.
    ContentType.objects.clear_cache()


def _schema(name: str) -> str:
    return connection.ops.quote_name("copy_" + name.replace(" ", "_"))


def _tables(cursor) -> list[str]:
    # Every table, the cache's (createcachetable) included: as SQLite's backup.
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        " ORDER BY tablename"
    )
    return [connection.ops.quote_name(table) for (table,) in cursor.fetchall()]


def _take_postgresql(name: str) -> list[tuple[str, int, bool]]:
    schema = _schema(name)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _tables(cursor):
            cursor.execute(f"CREATE UNLOGGED TABLE {schema}.{table} AS TABLE {table}")
        # A sequence never used has no last value: it starts again at 1.
        cursor.execute(
            "SELECT sequencename, COALESCE(last_value, 1), last_value IS NOT NULL"
            " FROM pg_sequences WHERE schemaname = current_schema()"
        )
        return [
            (connection.ops.quote_name(sequence), value, called)
            for sequence, value, called in cursor.fetchall()
        ]


def _restore_postgresql(name: str, sequences: list[tuple[str, int, bool]]) -> None:
    schema = _schema(name)
    with erasure_allowed(), connection.cursor() as cursor:
        # Quoted names of the database's own tables, never input.
        tables = _tables(cursor)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("".join(f"DELETE FROM {table};" for table in tables))  # noqa: S608
        copied = (f"INSERT INTO {t} SELECT * FROM {schema}.{t};" for t in tables)  # noqa: S608
        cursor.execute("".join(copied))
        if sequences:
            cursor.execute(
                "SELECT "
                + ", ".join(
                    f"setval('{sequence}', {value}, {called})"
                    for sequence, value, called in sequences
                )
            )
