from django.core.management.base import BaseCommand
from django.utils import timezone

from reviews.reminders import reminder_send, reminders_due


class Command(BaseCommand):
    help = (
        "E-mail each reviewer their overdue and soon-due items and the versions "
        "waiting for them. Meant for a daily scheduler: a second run on the same "
        "day sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would get which items; send and log nothing.",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        today = timezone.localdate()
        sent = 0
        for reminder in reminders_due(today=today):
            if options["dry_run"]:
                action = "Would send"
            elif reminder_send(reminder=reminder, today=today):
                action = "Sent"
                sent += 1
            else:
                continue
            if verbosity >= 1:
                self.stdout.write(
                    f"{action} to {reminder.reviewer.name} <{reminder.email}>: "
                    f"{len(reminder.overdue)} overdue, {len(reminder.due_soon)} due "
                    f"soon, {len(reminder.waiting)} waiting."
                )
            if verbosity >= 2:
                for line in reminder.summary().splitlines():
                    self.stdout.write(f"  {line}")
        if verbosity >= 1 and not options["dry_run"]:
            self.stdout.write(f"{sent} reminder(s) sent.")
