from django.core.management.base import BaseCommand

from inquiries.outbox import outbox_send_pending


class Command(BaseCommand):
    help = (
        "Send the outbox e-mails that are due, retrying failures with a growing "
        "delay. Safe to run often and in parallel: each message is claimed before "
        "it is sent. Run it from cron every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=200,
            help="Send at most this many messages in this run (default 200).",
        )

    def handle(self, *args, limit, verbosity, **options):
        report = outbox_send_pending(limit=limit)
        if verbosity >= 1 and (report.sent or report.failed or verbosity >= 2):
            self.stdout.write(f"Sent {report.sent}, failed {report.failed}.")
        if report.failed:
            # Non-zero exit so cron mail or monitoring notices repeated failures.
            raise SystemExit(1)
