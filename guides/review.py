"""How guides and cancer type pages are reviewed: snapshots, words, registration.

A guide is reviewed as one unit: its words, all its sections and items, and the
sources it cites (stored in full, so an approval keeps the exact references its
reviewer checked). What only arranges the page (section and item order, which
topic it sits under, which guides it links to) may take the lighter path.
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reviews.diff import flat_diff
from reviews.registry import register

from .sections import SECTION_KINDS, SectionKind
from .snapshots import (
    CitationSnapshot,
    GuideSnapshot,
    IndicationSnapshot,
    ItemSnapshot,
    SectionSnapshot,
)

INDICATION_FIELDS = (
    "name", "evidence_strength", "summary", "evidence_overview", "meta_description",
)  # fmt: skip


def citation_snapshot(citation) -> CitationSnapshot:
    return CitationSnapshot(
        id=citation.pk,
        title=citation.title,
        source=citation.source,
        year=citation.year,
        pmid=citation.pmid,
        doi=citation.doi,
        # Only web links: a value saved past validation must not become a
        # javascript: link on the page.
        url=citation.url if citation.url.startswith(("https://", "http://")) else "",
    )


def section_snapshot(section, references: dict) -> SectionSnapshot:
    spec = SECTION_KINDS.get(section.kind)
    fields = spec.fields if spec else ()
    items = []
    for item in section.items.all() if spec and spec.item_fields else ():
        values = dict(item.snapshot_value(name) for name in spec.item_fields)
        if section.kind == SectionKind.KEY_NUMBERS:
            citations = list(item.citations.all())
            values["citation_ids"] = tuple(c.pk for c in citations)
            for citation in citations:
                references.setdefault(citation.pk, citation_snapshot(citation))
        items.append(ItemSnapshot(id=item.pk, **values))
    return SectionSnapshot(
        id=section.pk,
        kind=section.kind,
        items=tuple(items),
        **{name: getattr(section, name) for name in fields},
    )


def guide_snapshot(guide) -> GuideSnapshot:
    """The guide as it would be approved now.

    References are numbered in page order: key-number citations as they appear,
    then the guide's other references. Needs the registered prefetches to cost
    no further queries.
    """
    references = {}
    sections = tuple(section_snapshot(s, references) for s in guide.sections.all())
    for citation in guide.citations.all():
        references.setdefault(citation.pk, citation_snapshot(citation))
    return GuideSnapshot(
        title=guide.title,
        lede=guide.lede,
        meta_description=guide.meta_description,
        topic_id=guide.topic_id,
        related_guide_ids=tuple(sorted(g.pk for g in guide.related_guides.all())),
        sections=sections,
        references=tuple(references.values()),
    )


def _item_key(item):
    return (item.id is None, item.id or 0)


def guide_words(snapshot: GuideSnapshot) -> GuideSnapshot:
    """The guide without its arrangement: what a patient reads, in any order."""
    sections = (
        dataclasses.replace(section, items=tuple(sorted(section.items, key=_item_key)))
        for section in snapshot.sections
    )
    return dataclasses.replace(
        snapshot,
        topic_id=None,
        topic_label="",
        related_guide_ids=(),
        sections=tuple(sorted(sections, key=lambda section: section.id)),
    )


def uncited_key_numbers(snapshot: GuideSnapshot) -> list[str]:
    """The figures of key numbers that cite no source, in page order."""
    return [
        item.figure or item.title
        for section in snapshot.sections
        if section.kind == SectionKind.KEY_NUMBERS
        for item in section.items
        if not item.citation_ids
    ]


def guide_check_approval(snapshot: GuideSnapshot) -> None:
    """A number a patient may rely on needs a published source behind it.

    A free-text "source" line is not enough: it names nothing a reader (or the
    reviewer) can look up.
    """
    uncited = uncited_key_numbers(snapshot)
    if uncited:
        raise ValidationError(
            _(
                "Every key number needs a citation before this guide can be "
                "approved. Without one: %(numbers)s."
            ),
            code="uncited_number",
            params={"numbers": ", ".join(f"“{figure}”" for figure in uncited)},
        )


def _item_references(name: str):
    def ids(snapshot: GuideSnapshot) -> list[int | None]:
        return [
            getattr(item, name)
            for section in snapshot.sections
            for item in section.items
        ]

    return ids


def _topic_reference(snapshot: GuideSnapshot) -> list[int | None]:
    return [snapshot.topic_id]


def indication_snapshot(indication) -> IndicationSnapshot:
    return IndicationSnapshot(
        **{name: getattr(indication, name) for name in INDICATION_FIELDS}
    )


def register_guides():
    from faq.models import FaqEntry
    from topics.models import Topic

    from .diff import guide_diff
    from .models import CancerIndication, Fact, Guide

    register(
        Guide,
        kind="guide",
        shortcut=_("Edit a guide"),
        snapshot_type=GuideSnapshot,
        build=guide_snapshot,
        words=guide_words,
        diff=guide_diff,
        title_field="title",
        check_approval=guide_check_approval,
        # Shown by id, their words reviewed as their own items: none may be
        # deleted while an approved or waiting version of a guide shows it.
        # Related guides are left out: a deleted guide's link simply goes.
        references={
            Topic: _topic_reference,
            FaqEntry: _item_references("faq_entry_id"),
            CancerIndication: _item_references("indication_id"),
            Fact: _item_references("fact_id"),
        },
        prefetch=(
            "sections__items__citations",
            "related_guides",
            "citations",
        ),
    )
    register(
        CancerIndication,
        kind="indication",
        snapshot_type=IndicationSnapshot,
        build=indication_snapshot,
        words=lambda snapshot: snapshot,
        diff=flat_diff(
            CancerIndication,
            INDICATION_FIELDS,
            shown={
                "evidence_strength": lambda value: str(
                    IndicationSnapshot(
                        name="", summary="", evidence_strength=value
                    ).get_evidence_strength_display()
                )
            },
        ),
        title_field="name",
    )
