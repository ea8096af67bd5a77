"""Restoring a backup into a fresh, empty database and an empty records storage.

The archive is unpacked into a private scratch folder and every member checked
against the manifest's SHA-256 before anything is written: a damaged or
tampered archive restores nothing. The rows are then loaded in one transaction
(``operations.backup.loading``: raw, constraints checked at the end, sequences
moved past the restored ids) and the records saved under their stored names.
"""

import hashlib
import json
import re
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from cancerfax.append_only import erasure_allowed

from .archive import FORMAT, backed_up_models, migration_state
from .crypto import DamagedArchive, DecryptingReader
from .loading import rows_load
from .snapshot import scratch_folder

MEMBER_NAME = re.compile(r"(database|files)/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?")
# Rows that ``migrate`` itself writes into an empty database (content types,
# permissions, the staff roles, the starting search synonyms): replaced by the
# backup's own, not counted as data already there.
WRITTEN_BY_MIGRATE = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "search.synonym",
}
COPY_BUFFER = 1024 * 1024


class RestoreRefused(Exception):
    """The target is not empty, or the archive does not fit this code."""


@dataclass
class RestoreSummary:
    rows: dict[str, int]
    files: int
    seconds: float = 0.0


def archive_unpack(*, source, key, folder: Path) -> dict:
    """Decrypt and unpack into ``folder``; the manifest, once every member's
    checksum matched it."""
    reader = DecryptingReader(source, key)
    seen, manifest = {}, None
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for member in tar:
                if manifest is not None or not member.isfile():
                    raise DamagedArchive("The archive holds unexpected entries.")
                stream = tar.extractfile(member)
                if member.name == "manifest.json":
                    manifest = json.loads(stream.read())
                    continue
                if not MEMBER_NAME.fullmatch(member.name) or ".." in member.name:
                    raise DamagedArchive("The archive holds an unexpected name.")
                target = folder / member.name
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with open(target, "wb") as out:
                    while chunk := stream.read(COPY_BUFFER):
                        digest.update(chunk)
                        out.write(chunk)
                seen[member.name] = {"size": member.size, "sha256": digest.hexdigest()}
    except tarfile.TarError as error:
        raise DamagedArchive("The archive is damaged.") from error
    if manifest is None or manifest.get("format") != FORMAT:
        raise DamagedArchive("The archive has no manifest of a known format.")
    expected = manifest["members"]
    wrong = sorted(
        name
        for name in expected.keys() | seen.keys()
        if expected.get(name) != seen.get(name)
    )
    if wrong:
        raise DamagedArchive(
            f"{len(wrong)} member(s) do not match the manifest's checksums."
        )
    return manifest


def stored_files(storage, folder=""):
    """Every file in the records storage (the upload spool and probes aside)."""
    directories, files = storage.listdir(folder)
    yield from (f"{folder}{name}" for name in files)
    for directory in directories:
        if folder or directory not in ("tmp", "readyz"):
            yield from stored_files(storage, f"{folder}{directory}/")


def target_refusals(storage) -> list[str]:
    """Why the database or the storage is not a fresh, empty target."""
    refusals = []
    if storage.exists("") and next(stored_files(storage), None):
        refusals.append("the medical records storage already holds files")
    holding = [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in WRITTEN_BY_MIGRATE
        and model._base_manager.exists()
    ]
    if holding:
        refusals.append(
            "the database already holds data (" + ", ".join(holding[:5]) + ")"
        )
    return refusals


def rows_written_by_migrate_remove():
    tables = [
        table
        for model in backed_up_models()
        if model._base_manager.exists()
        for table in [
            model._meta.db_table,
            *(f.remote_field.through._meta.db_table for f in model._meta.many_to_many),
        ]
    ]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    # PostgreSQL's TRUNCATE ... CASCADE also names the (still empty) append-only
    # tables that point at these rows, and their triggers refuse any TRUNCATE:
    # emptying the database before a restore is one of the sanctioned paths.
    with erasure_allowed(), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def restore_write(*, source, key, storage) -> RestoreSummary:
    """Restore the archive read from ``source`` into the empty database and
    storage, or raise ``RestoreRefused`` / ``DamagedArchive`` having written
    nothing."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(dir=scratch_folder()) as name:
        folder = Path(name)
        manifest = archive_unpack(source=source, key=key, folder=folder)
        if manifest["migrations"] != migration_state():
            raise RestoreRefused(
                "The archive was made by a release with other migrations: restore "
                "it with that release, then upgrade."
            )
        call_command("migrate", interactive=False, verbosity=0)
        refusals = target_refusals(storage)
        if refusals:
            raise RestoreRefused(
                "Restore only into a fresh, empty database and storage: "
                + "; ".join(refusals)
                + "."
            )
        rows_written_by_migrate_remove()
        parts = sorted(str(path) for path in (folder / "database").glob("*.jsonl"))
        rows_load(parts)
        rows = {
            model._meta.label_lower: model._base_manager.count()
            for model in backed_up_models()
        }
        if rows != manifest["rows"]:
            raise RestoreRefused("The restored row counts differ from the manifest's.")
        files = sorted(path for path in (folder / "files").rglob("*") if path.is_file())
        for path in files:
            stored_name = path.relative_to(folder / "files").as_posix()
            with open(path, "rb") as content:
                saved = storage.save(stored_name, File(content))
            if saved != stored_name:
                raise RestoreRefused("A record could not keep its stored name.")
        shutil.rmtree(folder / "files", ignore_errors=True)
    return RestoreSummary(
        rows=rows, files=len(files), seconds=time.monotonic() - started
    )
