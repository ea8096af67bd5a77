"""Turn a guide snapshot into what the page templates render.

References (cancer types, questions, related guides, topics) are stored as ids
and resolved here through one lookup per kind of record, so a page costs the same
number of queries whatever the number of sections and items. The lookup is an
argument: patients get approved versions (``reviews.selectors.visible_in_bulk``),
a staff preview gets the working copies (``working_in_bulk``).
"""

import dataclasses
import hashlib

from django.template.loader import select_template
from django.utils.translation import get_language

from faq.models import FaqEntry
from images.selectors import pictures_in_bulk
from reviews.citing import PageReferences, page_references
from reviews.selectors import shown_fingerprint, visible_in_bulk
from topics.models import Topic

from .facts import GROUP_HEADINGS, FactKind
from .models import CancerIndication, Fact, Guide
from .review import guide_citing_parts, image_ids
from .sections import REFERENCE_FIELDS, SECTION_KINDS, SectionKind, template_for
from .snapshots import GuideSnapshot

FALLBACK_TEMPLATE = "guides/sections/_fallback.html"


def section_template(kind):
    """The kind's template; a retired or unknown kind gets a plain fallback."""
    if kind not in SECTION_KINDS:
        return FALLBACK_TEMPLATE
    return select_template([template_for(kind), FALLBACK_TEMPLATE]).template.name


def guide_topic_id(guide):
    """The approved topic of a ``Visible`` guide.

    Version-1 snapshots named their topic instead of pointing at it: for those
    the guide's current topic stands in.
    """
    return guide.content.topic_id or guide.obj.topic_id


def with_topics(guides, lookup=visible_in_bulk, *, also=()):
    """Attach each guide's topic (``None`` when not visible) in one lookup.

    Topics ``also`` asked for come back: ``{pk: topic}`` of every topic found.
    """
    topics = lookup(Topic, {guide_topic_id(guide) for guide in guides} | set(also))
    for guide in guides:
        guide.related["topic"] = topics.get(guide_topic_id(guide))
    return topics


def _ids(sections, key):
    return {getattr(i, key) for s in sections for i in s.items if getattr(i, key)}


def guide_page(snapshot: GuideSnapshot, *, lookup=visible_in_bulk) -> dict:
    """What the guide template needs: ``sections``, ``lead_section``, ``topic``
    and ``contents``.

    Sections are dicts for ``guides/sections/<kind>.html``. Items that point at
    records patients cannot see are dropped: a patient never sees a link to a
    page that would answer 404. Key numbers get the numbers of their entries in
    the snapshot's ``references``.
    """
    sections = snapshot.sections
    indications = lookup(CancerIndication, _ids(sections, "indication_id"))
    faq_entries = lookup(FaqEntry, _ids(sections, "faq_entry_id"))
    facts = lookup(Fact, _ids(sections, "fact_id"))
    wants_related = any(s.kind == SectionKind.RELATED_GUIDES for s in sections)
    related = []
    if wants_related and snapshot.related_guide_ids:
        related = sorted(
            lookup(Guide, snapshot.related_guide_ids).values(),
            key=lambda guide: guide.title,
        )
    own_topic = {snapshot.topic_id} - {None}
    topics = with_topics(related, lookup, also=own_topic)
    references = guide_references(snapshot, faq_entries)
    # Two queries for every picture of the page (approved versions, renditions).
    pictures = pictures_in_bulk(image_ids(snapshot), lookup)

    stored = {reference.id: reference for reference in snapshot.references}
    page_sections = []
    for section in sections:
        items = []
        for item in section.items:
            # Shallow: items hold no dataclasses, and a deep copy cost the page
            # more than the rest of building it.
            shown = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
            if (
                item.indication_id is not None
                or section.kind == SectionKind.INDICATIONS
            ):
                shown["indication"] = indications.get(item.indication_id)
                if shown["indication"] is None:
                    continue
            if item.faq_entry_id is not None or section.kind == SectionKind.FAQ:
                shown["faq_entry"] = faq_entries.get(item.faq_entry_id)
                if shown["faq_entry"] is None:
                    continue
            if item.fact_id is not None or section.kind == SectionKind.FACTS:
                shown["fact"] = facts.get(item.fact_id)
                if shown["fact"] is None:
                    continue
                # Its source joins the page's numbered references, marked at it.
                source = shown["fact"].source
                shown["references"] = [references.add(source)] if source else []
            if item.image_id is not None:
                shown["picture"] = pictures.get(item.image_id)
            if section.kind == SectionKind.KEY_NUMBERS:
                shown["references"] = [
                    references.add(stored[pk])
                    for pk in item.citation_ids
                    if pk in stored
                ]
            items.append(shown)
        page_section = {
            **{f.name: getattr(section, f.name) for f in dataclasses.fields(section)},
            "items": items,
            "template": section_template(section.kind),
        }
        if section.kind == SectionKind.FIGURE:
            # A figure whose picture patients cannot see yet is left out.
            page_section["picture"] = pictures.get(section.image_id)
            if page_section["picture"] is None:
                continue
        if section.kind == SectionKind.RELATED_GUIDES:
            page_section["guides"] = related
        if section.kind == SectionKind.FACTS:
            page_section["fact_groups"] = fact_groups(items)
        page_sections.append(page_section)
    # "At a glance" when the guide opens with it: the page shows it first.
    lead = page_sections[0] if page_sections else None
    if lead is not None and lead["kind"] != SectionKind.KEY_POINTS:
        lead = None
    return {
        "sections": page_sections,
        "lead_section": lead,
        "topic": topics.get(snapshot.topic_id),
        "contents": table_of_contents(page_sections),
        "references": references,
        "lead_picture": pictures.get(snapshot.lead_image_id),
        # Under the title unless a figure of the page shows it already.
        "lead_picture_shown": snapshot.lead_image_id
        not in {s.image_id for s in sections if s.kind == SectionKind.FIGURE},
        # Names the pictures shown, renditions included, for kept sections:
        # those of figures and cards, and those of the rich text.
        "pictures_key": hashlib.sha256(
            repr(
                (sorted(pictures.items()), sorted(references.pictures.items()))
            ).encode()
        ).hexdigest()[:16],
    }


def indication_references(content) -> PageReferences:
    """A cancer type page's references, in order of first citation."""
    return page_references([content.summary, content.evidence_overview])


def guide_references(snapshot: GuideSnapshot, faq_entries) -> PageReferences:
    """The page's references in order of first citation: the guide's own (as
    approved), the sources the answers of its questions cite, then the rest of
    the guide's list."""
    stored = {reference.id: reference for reference in snapshot.references}
    parts = []
    for part in guide_citing_parts(snapshot, snapshot.sections):
        if isinstance(part, tuple):
            parts += [stored[part[1]]] if part[1] in stored else []
        else:
            parts.append(part)
    for section in snapshot.sections:
        for item in section.items:
            entry = faq_entries.get(item.faq_entry_id)
            if entry is not None:
                parts.append(entry.content.answer)
    references = page_references(parts, known=snapshot.references)
    for reference in snapshot.references:
        references.add(reference)
    return references


def fact_groups(items):
    """Neighbouring facts of one kind together, so three regulators make one
    list and four side effects another: ``[{"kind", "label", "template",
    "items"}, ...]`` (their sources are numbered in the page's references)."""
    groups = []
    for item in items:
        fact = item["fact"]
        if not groups or groups[-1]["kind"] != fact.kind:
            groups.append(
                {
                    "kind": fact.kind,
                    "label": GROUP_HEADINGS.get(fact.kind, fact.kind),
                    "template": f"guides/facts/{fact.kind}.html"
                    if fact.kind in FactKind.values
                    else "guides/facts/_plain.html",
                    "items": [],
                }
            )
        groups[-1]["items"].append(item)
    return groups


# Kinds that are asides rather than chapters of the guide.
NOT_IN_CONTENTS = {
    SectionKind.KEY_POINTS,
    SectionKind.PULL_QUOTE,
    SectionKind.CALL_TO_ACTION,
    SectionKind.DISCLAIMER,
}


def table_of_contents(page_sections):
    """(anchor, heading) for each chapter-like section the page shows."""
    return [
        (f"s{section['id']}", section["heading"])
        for section in page_sections
        if section.get("heading")
        and section["kind"] not in NOT_IN_CONTENTS
        and not (
            section["kind"] == SectionKind.RELATED_GUIDES and not section["guides"]
        )
    ]


def sections_fragment_key(guide, page, also_shown) -> str | None:
    """The key of the guide's rendered sections (``{% fragment %}``), or ``None``.

    It names the approved version and address of everything the sections show:
    the guide, the items they point at, the related guides and their topics, and
    ``also_shown``: the glossary terms marked in them, the funding page whose fee
    disclosure stands beside the call to action. ``None`` when any of it is not
    an approved version (a staff preview): that is rendered every time.
    """
    shown = [guide]
    for section in page["sections"]:
        for item in section["items"]:
            shown += [item[key] for key in REFERENCE_FIELDS if key in item]
        for related in section.get("guides", ()):
            shown += [related, related.related.get("topic")]
    fingerprint = shown_fingerprint([*shown, *also_shown])
    if fingerprint is None:
        return None
    return f"guide-sections:{get_language()}:{fingerprint}:{page['pictures_key']}"
