"""Django's ``flush``, allowed past the append-only triggers.

Emptying the whole database erases every person's data at once; on SQLite it
deletes row by row, which the triggers would refuse. The test suite flushes
after every transactional test.
"""

from django.core.management.commands import flush

from cancerfax.append_only import erasure_allowed


class Command(flush.Command):
    def handle(self, **options):
        with erasure_allowed(using=options["database"]):
            super().handle(**options)
