from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.retention import inquiries_expired, inquiry_delete


class Command(BaseCommand):
    help = (
        "Delete inquiries closed more than INQUIRY_RETENTION_MONTHS months ago, "
        "with their files, e-mails and timeline. Use --dry-run to see how many."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override INQUIRY_RETENTION_MONTHS for this run.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, delete nothing.",
        )

    def handle(self, *args, months, dry_run, verbosity, **options):
        months = settings.INQUIRY_RETENTION_MONTHS if months is None else months
        if months < 1:
            self.stderr.write("--months must be at least 1.")
            raise SystemExit(2)
        expired = inquiries_expired(months=months)
        count = expired.count()
        if dry_run:
            self.stdout.write(
                f"{count} inquiries closed more than {months} months ago "
                "would be deleted."
            )
            return
        # One transaction per inquiry: an interrupted run keeps what it did.
        for inquiry in expired.iterator():
            inquiry_delete(inquiry=inquiry)
        if verbosity >= 1:
            self.stdout.write(f"Deleted {count} inquiries closed before the cutoff.")
