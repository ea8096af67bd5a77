"""Update the translation catalogues from the code, or compile them.

``catalogues update`` runs Django's ``makemessages`` (GNU gettext needed, on a
translator's machine only) for every catalogue language, then keeps only the
strings patients read (``cancerfax.catalogues.PUBLIC_SOURCES``).
``catalogues compile`` writes each ``.mo`` from its ``.po`` in pure Python:
commit both. ``catalogues compile --check`` changes nothing and fails when a
committed ``.mo`` is not its ``.po`` compiled (CI runs the same comparison as a
test).
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale

from cancerfax.catalogues import (
    catalogue_compile,
    catalogue_languages,
    catalogue_path,
    catalogue_prune,
    catalogue_sources,
)


class Command(BaseCommand):
    help = "Update the translation catalogues from the code, or compile them."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile"])
        parser.add_argument(
            "--check",
            action="store_true",
            help="compile: change nothing; fail if a committed .mo is out of date.",
        )

    def handle(self, *, action, check, verbosity, **options):
        base = Path(settings.BASE_DIR)
        if action == "update":
            for code in catalogue_languages():
                call_command(
                    "makemessages",
                    locale=[to_locale(code)],
                    ignore_patterns=["node_modules/*", "tests/*", "bench/*", ".venv*"],
                    no_obsolete=True,
                    verbosity=verbosity,
                )
                path = catalogue_path(code)
                path.write_text(
                    catalogue_prune(
                        path.read_text(encoding="utf-8"),
                        base,
                        catalogue_sources(code),
                    ),
                    encoding="utf-8",
                )
        stale = []
        for code in catalogue_languages():
            compiled = catalogue_compile(code)
            target = catalogue_path(code, ".mo")
            if target.exists() and target.read_bytes() == compiled:
                continue
            if check:
                stale.append(_shown(target, base))
            else:
                target.write_bytes(compiled)
                if verbosity:
                    self.stdout.write(f"Compiled {_shown(target, base)}")
        if stale:
            raise CommandError(
                "Not compiled from their .po: "
                + ", ".join(stale)
                + " (run manage.py catalogues compile)"
            )


def _shown(path: Path, base: Path) -> str:
    return str(path.relative_to(base) if path.is_relative_to(base) else path)
