"""Restore a backup archive into a fresh, empty database and records storage."""

from django.core.management.base import BaseCommand, CommandError

from inquiries.files import private_storage
from operations.backup.crypto import (
    BackupKeyError,
    DamagedArchive,
    key_from_environment,
)
from operations.backup.restore import RestoreRefused, restore_write


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` (with the same BACKUP_KEY) into an "
        "empty database and an empty records storage, checking every checksum "
        "first (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive made by manage.py backup.")

    def handle(self, *args, archive, **options):
        try:
            key = key_from_environment()
            with open(archive, "rb") as source:
                summary = restore_write(
                    source=source, key=key, storage=private_storage()
                )
        except (BackupKeyError, DamagedArchive, RestoreRefused) as error:
            raise CommandError(str(error)) from None
        if options["verbosity"]:
            self.stdout.write(
                f"Restored {sum(summary.rows.values())} rows and {summary.files} "
                f"records in {summary.seconds:.1f} s; every checksum matched."
            )
