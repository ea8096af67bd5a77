"""How guides and cancer type pages are reviewed: snapshots, words, registration.

A guide is reviewed as one unit: its words, all its sections and items, and the
sources it cites (stored in full, so an approval keeps the exact references its
reviewer checked). What only arranges the page (section and item order, which
topic it sits under, which guides it links to) may take the lighter path.
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reviews.citing import marker_keys, sources_by_key
from reviews.diff import flat_diff
from reviews.evidence import TextPart
from reviews.registry import register

from .sections import SECTION_KINDS, SECTION_REFERENCE_FIELDS, SectionKind
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
        key=citation.key,
        title=citation.title,
        source=citation.source,
        year=citation.year,
        pmid=citation.pmid,
        doi=citation.doi,
        # Only web links: a value saved past validation must not become a
        # javascript: link on the page.
        url=citation.url if citation.url.startswith(("https://", "http://")) else "",
    )


# What a translation puts in its language: every text a patient reads, not the
# references (sources are cited by their own titles) nor a key number's free
# "source" line, nor an item's group (a code: benefit or limitation).
GUIDE_TRANSLATABLE = (
    "title", "lede", "meta_description", "sections.heading", "sections.intro",
    "sections.body", "sections.quote", "sections.attribution",
    "sections.button_label", "sections.items.title", "sections.items.text",
    "sections.items.figure",
)  # fmt: skip


def guide_key_facts(snapshot):
    """Key numbers and the cancer types a guide lists: a change to them makes
    a translation give way to the English where the policy says so."""
    return tuple(
        (section.kind, section.items)
        for section in snapshot.sections
        if section.kind in (SectionKind.KEY_NUMBERS, SectionKind.INDICATIONS)
    )


# The fields patients read, in the order the page shows them.
SECTION_TEXT_FIELDS = ("heading", "intro", "body", "quote", "attribution")
ITEM_TEXT_FIELDS = ("figure", "title", "text")


def section_snapshot(section) -> SectionSnapshot:
    spec = SECTION_KINDS.get(section.kind)
    fields = spec.fields if spec else ()
    items = []
    for item in section.items.all() if spec and spec.item_fields else ():
        values = dict(item.snapshot_value(name) for name in spec.item_fields)
        if section.kind == SectionKind.KEY_NUMBERS:
            values["citation_ids"] = tuple(c.pk for c in item.citations.all())
        items.append(ItemSnapshot(id=item.pk, **values))
    return SectionSnapshot(
        id=section.pk,
        kind=section.kind,
        items=tuple(items),
        **{
            f"{name}_id" if name in SECTION_REFERENCE_FIELDS else name: getattr(
                section, f"{name}_id" if name in SECTION_REFERENCE_FIELDS else name
            )
            for name in fields
        },
    )


def guide_citing_parts(guide_or_snapshot, sections):
    """What a guide cites, in page order: texts (whose ``[ref:key]`` markers
    cite) and citation ids of key numbers (``("id", pk)``)."""
    yield guide_or_snapshot.lede
    for section in sections:
        for name in SECTION_TEXT_FIELDS:
            yield getattr(section, name, "")
        for item in section.items:
            for name in ITEM_TEXT_FIELDS:
                yield getattr(item, name, "")
            for pk in getattr(item, "citation_ids", ()):
                yield ("id", pk)


def guide_snapshot(guide) -> GuideSnapshot:
    """The guide as it would be approved now.

    References are numbered in order of first citation on the page (markers in
    the text and key numbers' citations), then the guide's other references.
    Needs the registered prefetches to cost no further queries, unless the
    text cites a source the guide does not list (one query).
    """
    sections = tuple(section_snapshot(s) for s in guide.sections.all())
    listed = list(guide.citations.all())
    known = {
        citation.pk: citation
        for citation in [
            *listed,
            *(
                c
                for s in guide.sections.all()
                for i in s.items.all()
                if s.kind == SectionKind.KEY_NUMBERS
                for c in i.citations.all()
            ),
        ]
    }
    by_key = {c.key: c for c in known.values()}
    parts = list(guide_citing_parts(guide, sections))
    keys = [k for part in parts if isinstance(part, str) for k in marker_keys(part)]
    by_key.update(sources_by_key(set(keys) - by_key.keys()))
    references = {}
    for part in parts:
        cited = (
            [known[part[1]]]
            if isinstance(part, tuple)
            else [by_key[k] for k in marker_keys(part) if k in by_key]
        )
        for citation in cited:
            references.setdefault(citation.pk, citation_snapshot(citation))
    for citation in listed:
        references.setdefault(citation.pk, citation_snapshot(citation))
    return GuideSnapshot(
        title=guide.title,
        lede=guide.lede,
        meta_description=guide.meta_description,
        topic_id=guide.topic_id,
        related_guide_ids=tuple(sorted(g.pk for g in guide.related_guides.all())),
        sections=sections,
        references=tuple(references.values()),
        lead_image_id=guide.lead_image_id,
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


def has_structured_source(item) -> bool:
    """Whether an item carries its own source: citations of a key number, or a
    citation of any other item kind that stores one (``citation_id``)."""
    return any(getattr(item, name, None) for name in ("citation_ids", "citation_id"))


def guide_texts(snapshot: GuideSnapshot) -> list[TextPart]:
    """What the evidence check reads: the lede, then each section's words and
    items in page order. A key number with citations carries its own source."""
    parts = [TextPart(gettext("Lede"), snapshot.lede)]
    for number, section in enumerate(snapshot.sections, 1):
        label = gettext("Section %(number)s (%(name)s)") % {
            "number": number,
            "name": section.heading or section.kind.replace("_", " "),
        }
        parts += [
            TextPart(label, getattr(section, name), heading=name == "heading")
            for name in SECTION_TEXT_FIELDS
        ]
        for position, item in enumerate(section.items, 1):
            item_label = gettext("%(section)s, item %(number)s") % {
                "section": label,
                "number": position,
            }
            sourced = has_structured_source(item)
            parts += [
                TextPart(
                    item_label,
                    getattr(item, name),
                    sourced=sourced,
                    heading=name != "text",
                )
                for name in ITEM_TEXT_FIELDS
            ]
    return [part for part in parts if part.text]


def indication_texts(snapshot: IndicationSnapshot) -> list[TextPart]:
    return [
        TextPart(gettext("Summary"), snapshot.summary),
        TextPart(gettext("Evidence overview"), snapshot.evidence_overview),
    ]


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


def image_ids(snapshot: GuideSnapshot) -> list[int | None]:
    """Every library image the guide shows: lead, figures, cards."""
    return [
        snapshot.lead_image_id,
        *(section.image_id for section in snapshot.sections),
        *(item.image_id for section in snapshot.sections for item in section.items),
    ]


def indication_snapshot(indication) -> IndicationSnapshot:
    return IndicationSnapshot(
        **{name: getattr(indication, name) for name in INDICATION_FIELDS}
    )


def register_guides():
    from faq.models import FaqEntry
    from images.models import Image
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
        texts=guide_texts,
        translatable=GUIDE_TRANSLATABLE,
        key_facts=guide_key_facts,
        # Shown by id, their words reviewed as their own items: none may be
        # deleted while an approved or waiting version of a guide shows it.
        # Related guides are left out: a deleted guide's link simply goes.
        references={
            Topic: _topic_reference,
            FaqEntry: _item_references("faq_entry_id"),
            CancerIndication: _item_references("indication_id"),
            Fact: _item_references("fact_id"),
            Image: image_ids,
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
        texts=indication_texts,
        translatable=("name", "summary", "evidence_overview", "meta_description"),
        # The evidence label is a fixed scale, shown in the reader's language by
        # the interface's catalogue: not a translated text, but a key fact.
        key_facts=lambda snapshot: snapshot.evidence_strength,
    )
