"""How glossary terms are reviewed: the term, its full name, forms and definition.

Schema history: 1. term, expansion, also_matches (a tuple), definition.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from reviews.diff import flat_diff
from reviews.evidence import TextPart
from reviews.registry import register
from reviews.snapshots import Snapshot


@dataclass(frozen=True)
class GlossarySnapshot(Snapshot):
    SCHEMA_VERSION = 1

    term: str
    definition: str
    expansion: str = ""
    also_matches: tuple[str, ...] = ()


def split_forms(value: str) -> tuple[str, ...]:
    return tuple(form.strip() for form in value.split(",") if form.strip())


def glossary_snapshot(term) -> GlossarySnapshot:
    return GlossarySnapshot(
        term=term.term,
        definition=term.definition,
        expansion=term.expansion,
        also_matches=split_forms(term.also_matches),
    )


def register_glossary():
    from .models import GlossaryTerm

    register(
        GlossaryTerm,
        kind="glossary_term",
        snapshot_type=GlossarySnapshot,
        build=glossary_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(
            GlossaryTerm,
            ["term", "expansion", "also_matches", "definition"],
            shown={"also_matches": ", ".join},
        ),
        title_field="term",
        has_page=False,
        translatable=("term", "expansion", "also_matches", "definition"),
        texts=lambda snapshot: [TextPart(gettext("Definition"), snapshot.definition)],
    )
