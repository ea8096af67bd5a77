"""Update the translation catalogues from the code, or compile them.

``catalogues update`` runs Django's ``makemessages`` (GNU gettext needed, on a
translator's machine only) for every catalogue language and domain (``django``:
templates and Python; ``djangojs``: the inquiry scripts), then keeps only the
strings patients read (``cancerfax.catalogues.PUBLIC_SOURCES``, ``SCRIPT_SOURCES``).
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
    catalogue_path,
    catalogue_prune,
    catalogue_sources,
    catalogues,
)

IGNORED = ["node_modules/*", "tests/*", "bench/*", ".venv*", "staticfiles/*",
           "var/*", "static/casework/pdfjs/*"]  # fmt: skip


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
            for code, domain in catalogues():
                call_command(
                    "makemessages",
                    locale=[to_locale(code)],
                    domain=domain,
                    ignore_patterns=IGNORED,
                    no_obsolete=True,
                    verbosity=verbosity,
                )
                path = catalogue_path(code, domain=domain)
                path.write_text(
                    catalogue_prune(
                        path.read_text(encoding="utf-8"),
                        base,
                        catalogue_sources(code, domain),
                    ),
                    encoding="utf-8",
                )
        stale = []
        for code, domain in catalogues():
            compiled = catalogue_compile(code, domain)
            target = catalogue_path(code, ".mo", domain)
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
