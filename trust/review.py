"""How about and policy pages are reviewed: every word on them, nothing else.

The kind and slug arrange the site (which footer link, which address); they are
not in the snapshot and never need a review.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from reviews.diff import flat_diff
from reviews.evidence import TextPart
from reviews.registry import register
from reviews.snapshots import Snapshot

WORD_FIELDS = (
    "title", "lede", "body", "meta_description", "phone", "email", "messaging",
    "hours",
)  # fmt: skip


@dataclass(frozen=True)
class TrustPageSnapshot(Snapshot):
    """Schema history: 1. title, lede, body, meta description, contact fields."""

    SCHEMA_VERSION = 1

    title: str
    body: str
    lede: str = ""
    meta_description: str = ""
    phone: str = ""
    email: str = ""
    messaging: str = ""
    hours: str = ""


def trust_page_snapshot(page) -> TrustPageSnapshot:
    return TrustPageSnapshot(**{name: getattr(page, name) for name in WORD_FIELDS})


def register_trust_pages():
    from .models import TrustPage

    register(
        TrustPage,
        kind="trust_page",
        snapshot_type=TrustPageSnapshot,
        build=trust_page_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(TrustPage, WORD_FIELDS),
        title_field="title",
        # "WhatsApp on the same number" is words too; phone and e-mail are not.
        translatable=(
            "title",
            "lede",
            "body",
            "meta_description",
            "messaging",
            "hours",
        ),
        # The evidence check reads them too; these pages cite no sources, so a
        # claim on them is approved only with the reviewer's reason.
        texts=lambda snapshot: [
            TextPart(gettext("Lede"), snapshot.lede),
            TextPart(gettext("Text"), snapshot.body),
        ],
    )
