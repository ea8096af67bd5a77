"""Put the SQLite test database back from a copy kept in memory.

A transactional test (the browser's, the races') commits what it writes, and
Django empties the database after each one with ``flush``: a DELETE per table,
then ``post_migrate`` creating content types, permissions and the role groups
again, some 0.35 s of CPU a test. Loading the demo content with ``loaddata``
costs 0.6 s more. SQLite's backup API copies a whole database, page by page, in
a few milliseconds: on SQLite the suite keeps the freshly migrated database and
the database with the demo content in memory and copies one back instead.
PostgreSQL keeps Django's flush and loaddata.
"""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.db import connection

EMPTY = "empty"
DEMO = "demo"
DEMO_USERS = "demo with users"

_copies: dict[str, sqlite3.Connection] = {}


def supported() -> bool:
    return connection.vendor == "sqlite"


def take(name: str) -> None:
    """Keep a copy of the database as it is now (nothing uncommitted may be in it)."""
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _copies[name] = copy


def restore(name: str) -> bool:
    """Put the copy ``name`` back; False where there is none (PostgreSQL) or the
    connection is inside a transaction, for the caller to flush instead."""
    copy = _copies.get(name)
    if copy is None or connection.in_atomic_block:
        return False
    connection.ensure_connection()
    copy.backup(connection.connection)
    # The copy's content types may differ from those a flush recreated.
    ContentType.objects.clear_cache()
    return True
