from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from inquiries.limits import limit_counters_delete_old
from inquiries.quarantine import held_submissions_delete_expired
from inquiries.retention import orphan_files_delete, staged_files_delete_stale


class Command(BaseCommand):
    help = (
        "Delete files staged on forms that were never sent (older than "
        "INQUIRY_STAGED_FILE_HOURS), held spam-trap submissions nobody released "
        "(older than INQUIRY_HELD_DAYS), stored files no row refers to (upload "
        "temporary files included) and old rate counters. Run hourly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, delete nothing.",
        )

    def handle(self, *args, dry_run, verbosity, **options):
        now = timezone.now()
        staged = staged_files_delete_stale(
            older_than=now - timedelta(hours=settings.INQUIRY_STAGED_FILE_HOURS),
            dry_run=dry_run,
        )
        held = held_submissions_delete_expired(
            older_than=now - timedelta(days=settings.INQUIRY_HELD_DAYS),
            dry_run=dry_run,
        )
        limit_counters_delete_old(dry_run=dry_run)
        orphans = orphan_files_delete(
            older_than=now - timedelta(hours=1), dry_run=dry_run
        )
        verb = "Would delete" if dry_run else "Deleted"
        if verbosity >= 1:
            self.stdout.write(
                f"{verb} {staged} stale staged files, {held} held submissions "
                f"and {len(orphans)} orphan files."
            )
