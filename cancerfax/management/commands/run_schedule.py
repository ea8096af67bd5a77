import time

from django.core.management.base import BaseCommand

from cancerfax.scheduling import schedule_run_due


class Command(BaseCommand):
    help = (
        "Enqueue the periodic background tasks that are due (SCHEDULED_TASKS): "
        "outbox sweep, staged-upload cleanup, retention. Run it every minute from "
        "cron or a systemd timer, or once with --loop 60 beside the workers. Safe "
        "on several servers at once: each due task is enqueued once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the tasks that are due, enqueue nothing.",
        )
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, checking every SECONDS (for hosts without cron).",
        )

    def handle(self, *args, dry_run, loop, verbosity, **options):
        while True:
            names = schedule_run_due(dry_run=dry_run)
            if verbosity >= 2 or (names and verbosity >= 1):
                verb = "Due" if dry_run else "Enqueued"
                self.stdout.write(f"{verb}: {', '.join(names) or 'nothing'}.")
            if not loop or dry_run:
                return
            time.sleep(loop)
