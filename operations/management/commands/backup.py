"""Back up the database and the medical records into one encrypted archive."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inquiries.files import private_storage
from operations.backup.archive import RecordsErasedDuringBackup, backup_write
from operations.backup.crypto import BackupKeyError, key_from_environment, new_key

ATTEMPTS = 3


class Command(BaseCommand):
    help = (
        "Write the database and every medical record, as of one instant, into one "
        "archive encrypted with BACKUP_KEY (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="The archive's path (default: BACKUP_DIR/cancerfax-<time>.backup).",
        )
        parser.add_argument(
            "--new-key",
            action="store_true",
            help="Print a new random key for BACKUP_KEY and stop.",
        )

    def handle(self, *args, output=None, **options):
        if options["new_key"]:
            self.stdout.write(new_key())
            return
        try:
            key = key_from_environment()
        except BackupKeyError as error:
            raise CommandError(str(error)) from None
        if output:
            path = Path(output)
        else:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = Path(settings.BACKUP_DIR) / f"cancerfax-{stamp}.backup"
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        for attempt in range(1, ATTEMPTS + 1):
            try:
                descriptor = os.open(
                    partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
                )
                with os.fdopen(descriptor, "wb") as target:
                    summary = backup_write(
                        target=target, key=key, storage=private_storage()
                    )
                break
            except RecordsErasedDuringBackup:
                if attempt == ATTEMPTS:
                    partial.unlink(missing_ok=True)
                    raise CommandError(
                        "Records were erased during each attempt; try again later."
                    ) from None
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        # Renamed only once complete: a crash never leaves a plausible archive.
        partial.replace(path)
        for name in summary.missing:
            self.stderr.write(f"Missing from the storage, not backed up: {name}")
        for name in summary.mismatched:
            self.stderr.write(f"Differs from its recorded checksum: {name}")
        if options["verbosity"]:
            self.stdout.write(
                f"Backed up {sum(summary.rows.values())} rows and {summary.files} "
                f"records in {summary.seconds:.1f} s to {path} "
                f"({path.stat().st_size / 1e6:.1f} MB)."
            )
