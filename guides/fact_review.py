"""How practical facts are reviewed: every word and figure, and the source in full.

The slug only names the fact and is not part of the snapshot. The source is
copied whole, as a guide's references are, so an approval keeps the exact
reference its reviewer checked.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reviews.diff import flat_diff
from reviews.registry import register
from reviews.snapshots import Snapshot

from .facts import ApprovalStatus, FactKind, missing_source
from .snapshots import CitationSnapshot

# Plain words and figures, in the order a reviewer reads them.
WORD_FIELDS = (
    "title", "text", "regulator", "country", "approval_status", "frequency",
    "figure", "currency", "includes", "questions", "link", "how_checked",
)  # fmt: skip
# The words a translator puts in the language. Figures, prices, the currency,
# dates, links, the regulator's abbreviation and the source are data: they stay
# as the medical team approved them in every language.
TRANSLATABLE = (
    "title", "text", "country", "frequency", "includes", "questions",
    "how_checked",
)  # fmt: skip


@dataclass(frozen=True)
class FactSnapshot(Snapshot):
    """Schema history: 1. the fields of ``WORD_FIELDS``, the kind, the prices and
    date as text (``""`` for none) and the source in full."""

    SCHEMA_VERSION = 1

    kind: str
    title: str
    text: str = ""
    regulator: str = ""
    country: str = ""
    approval_status: str = ""
    frequency: str = ""
    figure: str = ""
    price_from: str = ""
    price_to: str = ""
    currency: str = ""
    includes: str = ""
    questions: str = ""
    link: str = ""
    checked_on: str = ""
    how_checked: str = ""
    source: CitationSnapshot | None = None

    def get_kind_display(self):
        return _label(FactKind, self.kind)

    def get_approval_status_display(self):
        return _label(ApprovalStatus, self.approval_status)

    @property
    def checked_date(self):
        return datetime.date.fromisoformat(self.checked_on) if self.checked_on else None

    @property
    def include_lines(self):
        return _lines(self.includes)

    @property
    def question_lines(self):
        return _lines(self.questions)


def _label(choices, value):
    return choices(value).label if value in choices.values else value


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text(value):
    return "" if value is None else str(value)


def fact_snapshot(fact) -> FactSnapshot:
    from .review import citation_snapshot

    words = {name: getattr(fact, name) for name in WORD_FIELDS}
    # Only web links: a value saved past validation must not become a
    # javascript: link on the page.
    if not words["link"].startswith(("https://", "http://")):
        words["link"] = ""
    return FactSnapshot(
        kind=fact.kind,
        **words,
        price_from=_text(fact.price_from),
        price_to=_text(fact.price_to),
        checked_on=fact.checked_on.isoformat() if fact.checked_on else "",
        source=citation_snapshot(fact.source) if fact.source_id else None,
    )


def fact_check_approval(snapshot: FactSnapshot) -> None:
    """A figure or a side effect needs its source before patients read it."""
    missing = missing_source(snapshot, has_source=snapshot.source is not None)
    if missing == "source":
        raise ValidationError(
            _("This fact needs its published source before it can be approved."),
            code="uncited_fact",
        )
    if missing == "how_checked":
        raise ValidationError(
            _(
                "This fact has no source: say how the team checked it before it "
                "can be approved."
            ),
            code="unchecked_fact",
        )


def _source_line(source):
    if source is None:
        return ""
    return f"{source.title} ({source.source}, {source.year}) {source.doi}".strip()


def fact_key_facts(snapshot: FactSnapshot):
    """What an out-of-date translation must not keep showing under the policy
    "English if key facts changed": the status, figures and how often."""
    return (
        snapshot.kind,
        snapshot.approval_status,
        snapshot.figure,
        snapshot.price_from,
        snapshot.price_to,
        snapshot.currency,
        snapshot.frequency,
    )


def register_facts():
    from .facts import Fact

    register(
        Fact,
        kind="fact",
        snapshot_type=FactSnapshot,
        build=fact_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(
            Fact,
            ["kind", *WORD_FIELDS, "price_from", "price_to", "checked_on", "source"],
            shown={
                "kind": lambda value: str(_label(FactKind, value)),
                "approval_status": lambda value: str(_label(ApprovalStatus, value)),
                "source": _source_line,
            },
        ),
        title_field="title",
        has_page=False,
        translatable=TRANSLATABLE,
        key_facts=fact_key_facts,
        check_approval=fact_check_approval,
        select_related=("source",),
    )
