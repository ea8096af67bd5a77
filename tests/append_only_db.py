"""Helpers for the tests that the database itself refuses append-only changes."""

import pytest
from django.db import IntegrityError, connection, transaction


def execute(sql, params=()):
    """Run raw SQL, as a script or a careless migration would."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def refused(run):
    """Assert the database (not Python) refuses ``run``; the test goes on."""
    # A savepoint: on PostgreSQL the error spoils the test's transaction.
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        run()


def refused_sql(sql, params=()):
    refused(lambda: execute(sql, params))


# SQLite has no TRUNCATE; PostgreSQL's skips row triggers and has its own.
ONLY_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's"
)
