"""Put the test database back from a copy instead of emptying and refilling it.

A transactional test (the browser's, the races') commits what it writes, and
Django empties the database after each one with ``flush``: a DELETE per table,
then ``post_migrate`` creating content types, permissions and the role groups
again, some 0.35 s of CPU a test. Loading the demo content costs seconds more
(``load_demo``) or a second (``loaddata`` of its dump). Instead the suite keeps
the freshly migrated database and the database with the demo content as copies
and puts one back:

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

_copies: dict[str, sqlite3.Connection] = {}
# PostgreSQL: each copy's sequences and their values.
_sequences: dict[str, list[tuple[str, int, bool]]] = {}


def supported() -> bool:
    return connection.vendor in {"sqlite", "postgresql"}


def take(name: str) -> None:
    """Keep a copy of the database as it is now (nothing uncommitted may be in it)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        _take_postgresql(name)
        return
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _copies[name] = copy


def restore(name: str) -> bool:
    """Put the copy ``name`` back; False where there is none or the connection is
    inside a transaction, for the caller to flush instead."""
    known = _sequences if connection.vendor == "postgresql" else _copies
    if name not in known or connection.in_atomic_block:
        return False
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        _restore_postgresql(name)
    else:
        _copies[name].backup(connection.connection)
    # The copy's content types may differ from those a flush recreated.
    ContentType.objects.clear_cache()
    return True


def _schema(name: str) -> str:
    return connection.ops.quote_name("copy_" + name.replace(" ", "_"))


def _tables(cursor) -> list[str]:
    # Every table, the cache's (createcachetable) included: as SQLite's backup.
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        " ORDER BY tablename"
    )
    return [connection.ops.quote_name(table) for (table,) in cursor.fetchall()]


def _take_postgresql(name: str) -> None:
    schema = _schema(name)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _tables(cursor):
            cursor.execute(f"CREATE UNLOGGED TABLE {schema}.{table} AS TABLE {table}")
        cursor.execute(
            "SELECT sequencename, last_value IS NOT NULL, COALESCE(last_value, 1)"
            " FROM pg_sequences WHERE schemaname = current_schema()"
        )
        _sequences[name] = [
            (connection.ops.quote_name(sequence), value, called)
            for sequence, called, value in cursor.fetchall()
        ]


def _restore_postgresql(name: str) -> None:
    schema = _schema(name)
    with erasure_allowed(), connection.cursor() as cursor:
        # Quoted names of the database's own tables, never input.
        tables = _tables(cursor)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("".join(f"DELETE FROM {table};" for table in tables))  # noqa: S608
        copied = (f"INSERT INTO {t} SELECT * FROM {schema}.{t};" for t in tables)  # noqa: S608
        cursor.execute("".join(copied))
        if _sequences[name]:
            cursor.execute(
                "SELECT "
                + ", ".join(
                    f"setval('{sequence}', {value}, {called})"
                    for sequence, value, called in _sequences[name]
                )
            )
