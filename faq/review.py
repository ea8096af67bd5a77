"""How FAQ answers are reviewed: the question and its answer, nothing else.

Slug, topic and order arrange the FAQ page and are not part of the snapshot: they
never need a review.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from reviews.diff import flat_diff
from reviews.evidence import TextPart
from reviews.registry import register
from reviews.snapshots import Snapshot


@dataclass(frozen=True)
class FaqSnapshot(Snapshot):
    SCHEMA_VERSION = 1

    question: str
    answer: str


def faq_snapshot(entry) -> FaqSnapshot:
    return FaqSnapshot(question=entry.question, answer=entry.answer)


def register_faq():
    from .models import FaqEntry

    register(
        FaqEntry,
        kind="faq",
        snapshot_type=FaqSnapshot,
        build=faq_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(FaqEntry, ["question", "answer"]),
        title_field="question",
        has_page=False,
        translatable=("question", "answer"),
        texts=lambda snapshot: [TextPart(gettext("Answer"), snapshot.answer)],
    )
