"""What a reviewer approves of a guide and of a cancer type page, as typed data.

Schema history (never rewrite a stored snapshot; add a version and an upgrade):

Guide
  1. The first plain dict: ``slug``, the topic's *name* under ``topic``, items
     without ids.
  2. Typed. The topic is a reference (``topic_id``; its name is reviewed as the
     topic's own content), the slug is arrangement and left out, items carry
     their ids so a diff can follow them. A version-1 topic name is kept as
     ``topic_label`` so old approvals still render as they were approved.

Cancer type
  1. ``name``, ``evidence_strength``, ``summary``, ``evidence_overview``,
     ``meta_description``.
  2. ``evidence_strength`` on the fixed, worded scale: strongest → randomised
     trials with mixed results, established → studied in trials (not approved),
     emerging → early studies only.
"""

from dataclasses import dataclass

from reviews.snapshots import Snapshot


@dataclass(frozen=True)
class ItemSnapshot:
    id: int | None = None
    title: str = ""
    text: str = ""
    figure: str = ""
    group: str = ""
    source: str = ""
    indication_id: int | None = None
    faq_entry_id: int | None = None
    fact_id: int | None = None
    image_id: int | None = None
    citation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SectionSnapshot:
    id: int
    kind: str
    heading: str = ""
    intro: str = ""
    body: str = ""
    quote: str = ""
    attribution: str = ""
    button_label: str = ""
    image_id: int | None = None
    items: tuple[ItemSnapshot, ...] = ()


@dataclass(frozen=True)
class CitationSnapshot:
    id: int
    title: str
    source: str
    year: int
    # The key text cites it by ("[ref:key]"); empty in versions stored before
    # inline citations.
    key: str = ""
    pmid: str = ""
    doi: str = ""
    url: str = ""


def _guide_v1_to_v2(data: dict) -> dict:
    data.pop("slug", None)
    data["topic_label"] = data.pop("topic", "") or ""
    return data


@dataclass(frozen=True)
class GuideSnapshot(Snapshot):
    SCHEMA_VERSION = 2
    UPGRADES = {1: _guide_v1_to_v2}

    title: str
    lede: str
    meta_description: str = ""
    topic_id: int | None = None
    topic_label: str = ""
    related_guide_ids: tuple[int, ...] = ()
    sections: tuple[SectionSnapshot, ...] = ()
    references: tuple[CitationSnapshot, ...] = ()
    # The picture shown at the top and in link previews (og:image).
    lead_image_id: int | None = None


# The first evidence labels and the step of the worded scale each became.
EVIDENCE_LABELS_V1 = {
    "strongest": "randomised_mixed",
    "established": "trials",
    "emerging": "early",
}


def _indication_v1_to_v2(data: dict) -> dict:
    strength = data.get("evidence_strength", "emerging")
    data["evidence_strength"] = EVIDENCE_LABELS_V1.get(strength, strength)
    return data


@dataclass(frozen=True)
class IndicationSnapshot(Snapshot):
    SCHEMA_VERSION = 2
    UPGRADES = {1: _indication_v1_to_v2}

    name: str
    summary: str
    evidence_strength: str = "early"
    evidence_overview: str = ""
    meta_description: str = ""

    def get_evidence_strength_display(self):
        from .models import CancerIndication

        choices = CancerIndication.EvidenceStrength
        if self.evidence_strength in choices.values:
            return choices(self.evidence_strength).label
        return self.evidence_strength
