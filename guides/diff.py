"""The reviewer's diff of two guide snapshots: the guide, then section by section.

References to other records (cancer types, questions, guides, the topic) are shown
by name, one query per kind of record.
"""

from django.utils.translation import gettext_lazy as _

from faq.models import FaqEntry
from images.models import Image
from reviews.diff import (
    BlockDiff,
    FieldDiff,
    block,
    kept_in_order,
    label,
    plain_text,
    reviewed_text,
)
from topics.models import Topic

from .models import CancerIndication, Fact, Guide, Section, SectionItem
from .sections import REFERENCE_FIELDS, SECTION_KINDS, SectionKind
from .snapshots import GuideSnapshot, SectionSnapshot

REFERENCES = {
    "indication_id": (CancerIndication, "name"),
    "faq_entry_id": (FaqEntry, "question"),
    "fact_id": (Fact, "title"),
    "related_guide_ids": (Guide, "title"),
    "topic_id": (Topic, "name"),
    "image_id": (Image, "title"),
}


def _names(snapshots):
    """``{key: {pk: name}}`` for the records the snapshots point at."""
    ids = {key: set() for key in REFERENCES}
    citations = {}
    for snapshot in snapshots:
        ids["related_guide_ids"].update(snapshot.related_guide_ids)
        if snapshot.topic_id:
            ids["topic_id"].add(snapshot.topic_id)
        for reference in snapshot.references:
            citations[reference.id] = reference.title
        ids["image_id"].add(snapshot.lead_image_id)
        for section in snapshot.sections:
            ids["image_id"].add(section.image_id)
            for item in section.items:
                for key in (f"{name}_id" for name in REFERENCE_FIELDS):
                    if getattr(item, key):
                        ids[key].add(getattr(item, key))
    ids["image_id"].discard(None)
    names = {"citation_ids": citations}
    for key, (model, title) in REFERENCES.items():
        names[key] = (
            dict(
                model._default_manager.filter(pk__in=ids[key]).values_list("pk", title)
            )
            if ids[key]
            else {}
        )
    return names


def _item_line(item, fields, names):
    parts = []
    for key in fields:
        value = getattr(item, key)
        if value in ("", None, ()):
            continue
        if key == "citation_ids":
            titles = [names[key].get(pk, f"#{pk}") for pk in value]
            parts.append(_("sources: %s") % "; ".join(titles))
        elif key in names:
            parts.append(names[key].get(value, f"#{value}"))
        elif key == "group" and value in SectionItem.Group.values:
            parts.append(str(SectionItem.Group(value).label))
        else:
            parts.append(plain_text(value).replace("\n", " "))
    return " · ".join(parts)


def _kind_label(kind):
    return str(SectionKind(kind).label) if kind in SectionKind.values else kind


def _item_fields(section):
    spec = SECTION_KINDS.get(section.kind)
    names = [
        f"{name}_id" if name in REFERENCE_FIELDS else name
        for name in (spec.item_fields if spec else ("title", "text"))
    ]
    if section.kind == SectionKind.KEY_NUMBERS:
        names.append("citation_ids")
    return names


def _section_fields(old, new, names):
    sections = [s for s in (new, old) if s is not None]
    field_names = []
    for section in sections:
        spec = SECTION_KINDS.get(section.kind)
        for name in spec.fields if spec else ("heading", "intro", "body"):
            if name not in field_names:
                field_names.append(name)
    item_fields = _item_fields(sections[0])

    def value(section, name):
        if section is None:
            return ""
        if name == "image":
            # By title; the image's own review compares the pictures themselves.
            pk = section.image_id
            return names["image_id"].get(pk, f"#{pk}") if pk else ""
        return reviewed_text(getattr(section, name))

    return [
        FieldDiff(
            _("Kind"),
            _kind_label(old.kind) if old else "",
            _kind_label(new.kind) if new else "",
        ),
        *(
            FieldDiff(
                label(Section, name),
                value(old, name),
                value(new, name),
                prose=name == "body",
            )
            for name in field_names
        ),
        *_item_diffs(old, new, item_fields, names),
    ]


def _item_key(position, item):
    # Version-1 items have no ids: they can only be followed by position.
    return item.id if item.id is not None else ("position", position)


def _item_diffs(old, new, item_fields, names) -> list[FieldDiff]:
    """One row per item: added, removed, changed or moved (by its id)."""
    old_items = list(enumerate(old.items if old else (), 1))
    new_items = list(enumerate(new.items if new else (), 1))
    before = {
        _item_key(position, item): (position, item) for position, item in old_items
    }
    kept = kept_in_order(
        before, [_item_key(position, item) for position, item in new_items]
    )
    rows = []

    def row(position, old_position, old_item, new_item):
        item = new_item or old_item
        old_line = _item_line(old_item, item_fields, names) if old_item else ""
        new_line = _item_line(new_item, item_fields, names) if new_item else ""
        moved = (
            None not in (old_item, new_item)
            and _item_key(position, new_item) not in kept
        )
        if old_item is None:
            change = "added"
        elif new_item is None:
            change = "removed"
        elif old_line != new_line:
            change = "changed"
        else:
            change = "moved" if moved else "unchanged"
        detail = (
            _("moved from position %(old)s to %(new)s")
            % {"old": old_position, "new": position}
            if moved
            else ""
        )
        name = (item.title or item.figure or plain_text(item.text))[:60]
        return FieldDiff(
            _("Item %(position)s: %(name)s") % {"position": position, "name": name},
            old_line,
            new_line,
            change=change,
            detail=detail,
            anchor=f"sectionitem-{item.id}" if item.id else "",
        )

    for position, item in new_items:
        old_position, old_item = before.pop(_item_key(position, item), (None, None))
        rows.append(row(position, old_position, old_item, item))
    for old_position, old_item in before.values():
        rows.append(row(old_position, old_position, old_item, None))
    return rows


def _section_block(position, old, new, old_position, names, *, moved) -> BlockDiff:
    section: SectionSnapshot = new or old
    fields = _section_fields(old, new, names)
    detail = ""
    if old is None:
        change = "added"
    elif new is None:
        change = "removed"
    elif any(f.changed for f in fields):
        change = "changed"
    elif moved:
        change = "moved"
    else:
        change = "unchanged"
    if moved:
        detail = _("moved from position %(old)s to %(new)s") % {
            "old": old_position,
            "new": position,
        }
    heading = plain_text(section.heading or section.quote)[:80]
    return BlockDiff(
        title=_("Section %(position)s: %(name)s")
        % {"position": position, "name": heading or _kind_label(section.kind)},
        change=change,
        fields=fields,
        detail=detail,
        anchor=f"section-{section.id}",
    )


def _reference_lines(snapshot):
    return "\n".join(
        ", ".join(
            str(part)
            for part in (
                r.title,
                r.source,
                r.year,
                r.pmid and f"PMID {r.pmid}",
                r.doi and f"doi:{r.doi}",
                r.url,
            )
            if part
        )
        for r in snapshot.references
    )


def guide_diff(old: GuideSnapshot | None, new: GuideSnapshot) -> list[BlockDiff]:
    """Blocks comparing ``old`` (``None`` for a first version) with ``new``."""
    empty = GuideSnapshot(title="", lede="")
    old = old or empty
    names = _names([old, new])

    def related(snapshot):
        return "\n".join(
            sorted(
                names["related_guide_ids"].get(pk, f"#{pk}")
                for pk in snapshot.related_guide_ids
            )
        )

    def topic(snapshot):
        if snapshot.topic_id:
            return names["topic_id"].get(snapshot.topic_id, f"#{snapshot.topic_id}")
        return snapshot.topic_label

    fields = [
        FieldDiff(label(Guide, name), plain_text(old_value), plain_text(new_value))
        for name, old_value, new_value in (
            ("title", old.title, new.title),
            ("lede", old.lede, new.lede),
            ("meta_description", old.meta_description, new.meta_description),
        )
    ]
    fields += [
        FieldDiff(label(Guide, "topic"), topic(old), topic(new), arrangement=True),
        FieldDiff(_("Related guides"), related(old), related(new), arrangement=True),
        FieldDiff(_("References"), _reference_lines(old), _reference_lines(new)),
        FieldDiff(
            label(Guide, "lead_image"),
            names["image_id"].get(old.lead_image_id, "") if old.lead_image_id else "",
            names["image_id"].get(new.lead_image_id, "") if new.lead_image_id else "",
        ),
    ]
    blocks = [block(_("The guide"), fields)]
    old_sections = {s.id: (position, s) for position, s in enumerate(old.sections, 1)}
    kept = kept_in_order(old_sections, [s.id for s in new.sections])
    for position, section in enumerate(new.sections, 1):
        old_position, before = old_sections.pop(section.id, (None, None))
        moved = before is not None and section.id not in kept
        blocks.append(
            _section_block(position, before, section, old_position, names, moved=moved)
        )
    for old_position, section in old_sections.values():
        blocks.append(
            _section_block(
                old_position, section, None, old_position, names, moved=False
            )
        )
    return blocks
