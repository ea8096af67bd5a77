"""The database as it was at one instant, read through a connection of its own.

PostgreSQL: a ``REPEATABLE READ, READ ONLY`` transaction; every query in it sees
the snapshot taken by its first statement, whatever commits meanwhile, and it
blocks no writer. SQLite: the online backup API copies the database (WAL
included) into a private temporary file in one step, under a read lock that
does not stop writers in WAL mode; the copy is then read at leisure.

The medical records need no snapshot of their own: a record's file is written
before its row commits and never changed, so every row in the snapshot names a
file that exists, unless it was erased after the snapshot (the backup notices
and starts again; ``operations.backup.archive``).
"""

import copy
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.db.utils import load_backend

SNAPSHOT = "backup_snapshot"


@contextmanager
def database_snapshot(alias="default"):
    """Yields the alias of a read-only connection that sees one instant."""
    settings_dict = copy.deepcopy(connections[alias].settings_dict)
    with tempfile.TemporaryDirectory(dir=scratch_folder()) as folder:
        if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
            copy_path = Path(folder) / "snapshot.sqlite3"
            sqlite_copy(settings_dict["NAME"], copy_path)
            settings_dict["NAME"] = str(copy_path)
        backend = load_backend(settings_dict["ENGINE"])
        snapshot = backend.DatabaseWrapper(settings_dict, SNAPSHOT)
        connections[SNAPSHOT] = snapshot
        try:
            with transaction.atomic(using=SNAPSHOT):
                if snapshot.vendor == "postgresql":
                    with snapshot.cursor() as cursor:
                        cursor.execute(
                            "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                        )
                        # The first query fixes the snapshot: now, not at the
                        # first table the backup happens to read.
                        cursor.execute("SELECT 1")
                yield SNAPSHOT
        finally:
            snapshot.close()
            del connections[SNAPSHOT]


def sqlite_copy(source, target):
    origin = sqlite3.connect(source)
    copy_ = sqlite3.connect(target)
    try:
        origin.backup(copy_)  # all pages in one step: one consistent state
    finally:
        copy_.close()
        origin.close()


def scratch_folder() -> Path:
    """A private folder for plaintext that must touch the disk (the SQLite copy,
    a restore's unpacked files) beside the data it came from, never /tmp."""
    folder = Path(settings.BACKUP_SCRATCH_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
