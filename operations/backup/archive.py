"""Writing a backup: one tar stream, encrypted as it is written.

Members, in order: ``database/NNN-<model>-NNNN.jsonl`` (every row of every model
in Django's JSON Lines serialization, read from one snapshot), ``files/<stored
name>`` (each medical record named by a row of that snapshot) and, last,
``manifest.json``: the SHA-256 and size of every member, the row counts, the
migrations the rows belong to. Nothing is written to disk in plaintext (the
database parts are built in memory, a few thousand rows at a time).
"""

import datetime
import hashlib
import io
import itertools
import json
import tarfile
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from inquiries.models import InquiryFile

from .crypto import EncryptingWriter
from .snapshot import database_snapshot

FORMAT = 1
ROWS_PER_PART = 5000
# Not worth keeping: who is signed in right now, and the task queue's
# bookkeeping (the outbox and the schedule, which are kept, are the record of
# work to do; a restored queue would run old tasks again).
NOT_BACKED_UP = {"sessions.session", "django_tasks_database.dbtaskresult"}


class RecordsErasedDuringBackup(Exception):
    """Rows in the snapshot lost their files to an erasure since: start again."""


@dataclass
class BackupSummary:
    rows: dict[str, int]
    files: int
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    seconds: float = 0.0


def backed_up_models():
    """Every model with a table of its own (many-to-many links travel with
    their model)."""
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in NOT_BACKED_UP:
            continue
        yield model


def migration_state() -> list[list[str]]:
    """The latest migration of each app, as the code knows them."""
    return sorted([app, name] for app, name in MigrationLoader(None).graph.leaf_nodes())


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder cuts them to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class HashingReader:
    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        return data


class ArchiveWriter:
    def __init__(self, tar):
        self.tar = tar
        self.members = {}

    def add_bytes(self, name, data):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        self.members[name] = {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }

    def add_stream(self, name, stream, size) -> str:
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(time.time())
        reader = HashingReader(stream)
        self.tar.addfile(info, reader)
        digest = reader.digest.hexdigest()
        self.members[name] = {"size": size, "sha256": digest}
        return digest


def serialized_parts(model, alias):
    """The model's rows in JSON Lines, ``ROWS_PER_PART`` rows a part."""
    m2m = [
        f.name
        for f in model._meta.many_to_many
        if f.remote_field.through._meta.auto_created
    ]
    rows = model._base_manager.using(alias).order_by("pk")
    if m2m:
        rows = rows.prefetch_related(*m2m)
    serializer = serializers.get_serializer("jsonl")()
    iterator = rows.iterator(chunk_size=2000)
    while part := list(itertools.islice(iterator, ROWS_PER_PART)):
        buffer = io.StringIO()
        serializer.serialize(part, stream=buffer, cls=ExactJSONEncoder)
        yield buffer.getvalue().encode(), len(part)


def backup_write(*, target, key, storage) -> BackupSummary:
    """Write one encrypted archive of the database and the records to ``target``.

    Raises ``RecordsErasedDuringBackup`` when a record named by the snapshot was
    erased before it was copied; the caller starts again.
    """
    started = time.monotonic()
    writer = EncryptingWriter(target, key)
    with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        archive = ArchiveWriter(tar)
        with database_snapshot() as alias:
            summary = BackupSummary(rows={}, files=0)
            for index, model in enumerate(backed_up_models()):
                label = model._meta.label_lower
                summary.rows[label] = 0
                for number, (data, count) in enumerate(serialized_parts(model, alias)):
                    archive.add_bytes(
                        f"database/{index:03d}-{label}-{number:04d}.jsonl", data
                    )
                    summary.rows[label] += count
            records = InquiryFile.objects.using(alias).order_by("stored_name")
            for stored_name, sha256 in records.values_list("stored_name", "sha256"):
                try:
                    with storage.open(stored_name, "rb") as stored:
                        digest = archive.add_stream(
                            f"files/{stored_name}", stored, stored.size
                        )
                except FileNotFoundError:
                    summary.missing.append(stored_name)
                    continue
                summary.files += 1
                if digest != sha256:
                    summary.mismatched.append(stored_name)
        erased = set(summary.missing) - set(
            InquiryFile.objects.filter(stored_name__in=summary.missing).values_list(
                "stored_name", flat=True
            )
        )
        if erased:
            raise RecordsErasedDuringBackup(len(erased))
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "migrations": migration_state(),
            "rows": summary.rows,
            "missing_records": summary.missing,
            "members": archive.members,
        }
        archive.add_bytes("manifest.json", json.dumps(manifest, indent=1).encode())
    writer.close()
    summary.seconds = time.monotonic() - started
    return summary
