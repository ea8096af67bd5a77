"""Build the search index again from every approved version."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.index import index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the approved versions (approvals keep it "
        "up to date; run this after restoring a database approved before search "
        "listened, or after changing what search indexes)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report how many entries there would be, then roll back.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = index_rebuild()
            if options["dry_run"]:
                transaction.set_rollback(True)
        if options["verbosity"]:
            done = "would be" if options["dry_run"] else "are"
            self.stdout.write(f"{count} search entries {done} indexed.")
