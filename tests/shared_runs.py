"""A demo run made by one pytest-xdist worker and taken over by the others.

Each worker has a test database, media folders and a Redis database of its own,
and ran ``load_demo`` itself for each set of options: seconds of CPU a run that
the other worker, on the other core, spent making the same rows. On SQLite the
first worker to ask keeps what its run made in a folder all workers share (the
database as a file, the pictures, what it printed), under a lock; a worker that
asks later copies them into its own database copy and folders.

PostgreSQL's copies are schemas inside each worker's database (``db_copies``):
its workers keep making their own runs.
"""

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests import db_copies

OUTPUT = "output.txt"  # written last: the folder is complete once it exists


def folder(tmp_path_factory, copy: str) -> Path | None:
    """The shared folder of the run ``copy``, or ``None`` where it is not shared:
    one process only, or PostgreSQL."""
    if "PYTEST_XDIST_WORKER" not in os.environ or connection.vendor != "sqlite":
        return None
    # Each worker's base folder sits in the one folder of the whole test run.
    return tmp_path_factory.getbasetemp().parent / f"shared {copy}"


@contextmanager
def locked(shared: Path):
    """Hold the run's lock: a worker that asks while another makes it waits."""
    with open(shared.with_name(shared.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _media_roots() -> dict[str, Path]:
    # Pictures are stored by the hash of their content: copying a folder whole
    # can only add files another worker's database may name, never change one.
    return {"media": Path(settings.MEDIA_ROOT), "images": Path(settings.IMAGE_ROOT)}


def keep(shared: Path, copy: str, output: str) -> None:
    """Keep the run just made (its database copy ``copy``) for the others."""
    shared.mkdir()
    db_copies.save(copy, shared / "db.sqlite3")
    for name, root in _media_roots().items():
        if root.exists():
            shutil.copytree(root, shared / name)
    (shared / OUTPUT).write_text(output)


def adopt(shared: Path, copy: str) -> str | None:
    """Take over the run kept in ``shared`` as the copy ``copy``; what it
    printed, or ``None`` where no worker has made it yet."""
    if not (shared / OUTPUT).exists():
        return None
    db_copies.load(copy, shared / "db.sqlite3")
    for name, root in _media_roots().items():
        if (shared / name).exists():
            shutil.copytree(shared / name, root, dirs_exist_ok=True)
    return (shared / OUTPUT).read_text()
