"""A readable diff of two snapshots: block by block, field by field, word by word.

Rich text is compared as the words a patient reads (tags stripped, one line per
paragraph or list item); references to other records are shown by name.
"""

import html
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from faq.models import FaqEntry
from guides.models import CancerIndication, Guide, Section, SectionItem
from guides.sections import SECTION_KINDS, SectionKind

from .models import ReviewedKind
from .registry import NON_CLINICAL_GUIDE_FIELDS, REVIEWED

BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|tr|blockquote|figcaption|caption|pre)>|<br\s*/?>", re.I
)
# A word with the spaces after it: changed runs of words read as one change.
TOKENS = re.compile(r"\S+\s*|\s+")


def plain_text(value) -> str:
    """The words of ``value``, one line per paragraph, without markup."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text:
        text = html.unescape(strip_tags(BLOCK_END.sub(r"\g<0>\n", text)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def word_diff(old: str, new: str):
    """``new`` with the words removed from ``old`` in <del> and added in <ins>."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    # Words are compared without their spacing: a new line after a word is no
    # change to the word.
    matcher = SequenceMatcher(
        None,
        [token.rstrip() for token in before],
        [token.rstrip() for token in after],
        autojunk=False,
    )
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(after[j1:j2])))
    return mark_safe("".join(parts))  # every part is escaped above


@dataclass
class FieldDiff:
    label: str
    old: str
    new: str
    non_clinical: bool = False

    @property
    def changed(self):
        return self.old != self.new

    @property
    def html(self):
        return word_diff(self.old, self.new)


@dataclass
class BlockDiff:
    title: str
    change: str  # added, removed, moved, changed or unchanged
    fields: list[FieldDiff] = field(default_factory=list)
    non_clinical: bool = False

    @property
    def changed(self):
        return self.change != "unchanged"

    @property
    def changed_fields(self):
        return [f for f in self.fields if f.changed]


def _label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


def _names(snapshots):
    """Names of the records the snapshots point at, one query per kind."""
    ids = {"indication_id": set(), "faq_entry_id": set(), "related_guide_ids": set()}
    citations = {}
    for snapshot in snapshots:
        ids["related_guide_ids"].update(snapshot.get("related_guide_ids", ()))
        for reference in snapshot.get("references", ()):
            citations[reference["id"]] = reference["title"]
        for section in snapshot.get("sections", ()):
            for item in section["items"]:
                for key in ("indication_id", "faq_entry_id"):
                    if item.get(key):
                        ids[key].add(item[key])
    queries = {
        "indication_id": (CancerIndication, "name"),
        "faq_entry_id": (FaqEntry, "question"),
        "related_guide_ids": (Guide, "title"),
    }
    names = {"citation_ids": citations}
    for key, (model, title) in queries.items():
        names[key] = (
            dict(model.objects.filter(pk__in=ids[key]).values_list("pk", title))
            if ids[key]
            else {}
        )
    return names


def _item_line(item, names):
    parts = []
    for key, value in item.items():
        if value in ("", None, []):
            continue
        if key == "citation_ids":
            titles = [names[key].get(pk, f"#{pk}") for pk in value]
            parts.append(_("sources: %s") % "; ".join(titles))
        elif key in names:
            parts.append(names[key].get(value, f"#{value}"))
        elif key == "group":
            parts.append(str(SectionItem.Group(value).label))
        else:
            parts.append(plain_text(value).replace("\n", " "))
    return " · ".join(parts)


def _kind_label(kind):
    return str(SectionKind(kind).label) if kind in SectionKind.values else kind


def _section_fields(old, new, names):
    specs = [SECTION_KINDS.get(s["kind"]) for s in (new, old) if s]
    field_names = []
    for spec in specs:
        for name in spec.fields if spec else ():
            if name not in field_names:
                field_names.append(name)
    old, new = old or {}, new or {}
    fields = [
        FieldDiff(
            _("Kind"),
            _kind_label(old.get("kind", "")),
            _kind_label(new.get("kind", "")),
        )
    ]
    fields += [
        FieldDiff(
            _label(Section, name),
            plain_text(old.get(name)),
            plain_text(new.get(name)),
        )
        for name in field_names
    ]
    fields.append(
        FieldDiff(
            _("Items"),
            "\n".join(_item_line(i, names) for i in old.get("items", ())),
            "\n".join(_item_line(i, names) for i in new.get("items", ())),
        )
    )
    return fields


def _section_block(position, old, new, old_position, names):
    section = new or old
    spec = SECTION_KINDS.get(section["kind"])
    fields = _section_fields(old, new, names)
    if old is None:
        change = "added"
    elif new is None:
        change = "removed"
    elif any(f.changed for f in fields):
        change = "changed"
    elif old_position != position:
        change = "moved"
    else:
        change = "unchanged"
    heading = plain_text(section.get("heading") or section.get("quote"))[:80]
    return BlockDiff(
        title=_("Section %(position)s: %(name)s")
        % {"position": position, "name": heading or _kind_label(section["kind"])},
        change=change,
        fields=fields,
        non_clinical=spec is not None and not spec.clinical,
    )


def _reference_lines(snapshot):
    return "\n".join(
        ", ".join(
            str(part)
            for part in (
                r["title"],
                r["source"],
                r["year"],
                r["pmid"] and f"PMID {r['pmid']}",
                r["doi"] and f"doi:{r['doi']}",
                r["url"],
            )
            if part
        )
        for r in snapshot.get("references", ())
    )


def _guide_diff(old, new):
    names = _names([old, new])

    def related(snapshot):
        return "\n".join(
            sorted(
                names["related_guide_ids"].get(pk, f"#{pk}")
                for pk in snapshot.get("related_guide_ids", ())
            )
        )

    top = [
        (
            _label(Guide, name),
            plain_text(old.get(name)),
            plain_text(new.get(name)),
            name,
        )
        for name in ("title", "lede", "topic", "meta_description")
    ]
    top.append((_("Related guides"), related(old), related(new), "related_guide_ids"))
    top.append((_("References"), _reference_lines(old), _reference_lines(new), ""))
    fields = [
        FieldDiff(label, before, after, non_clinical=name in NON_CLINICAL_GUIDE_FIELDS)
        for label, before, after, name in top
    ]
    blocks = [
        BlockDiff(
            title=_("The guide"),
            change="changed" if any(f.changed for f in fields) else "unchanged",
            fields=fields,
        )
    ]
    old_sections = {
        s["id"]: (position, s) for position, s in enumerate(old.get("sections", ()), 1)
    }
    for position, section in enumerate(new.get("sections", ()), 1):
        old_position, before = old_sections.pop(section["id"], (None, None))
        blocks.append(_section_block(position, before, section, old_position, names))
    for old_position, section in old_sections.values():
        blocks.append(_section_block(old_position, section, None, old_position, names))
    return blocks


def _fields_diff(kind, old, new):
    reviewed = REVIEWED[kind]
    model = reviewed.model

    def shown(snapshot, name):
        value = snapshot.get(name)
        if name == "evidence_strength" and value in CancerIndication.EvidenceStrength:
            return str(CancerIndication.EvidenceStrength(value).label)
        return plain_text(value)

    fields = [
        FieldDiff(
            _label(model, name),
            shown(old, name),
            shown(new, name),
            non_clinical=name in reviewed.non_clinical_fields,
        )
        for name in reviewed.display_fields
    ]
    return [
        BlockDiff(
            title=capfirst(model._meta.verbose_name),
            change="changed" if any(f.changed for f in fields) else "unchanged",
            fields=fields,
        )
    ]


def snapshot_diff(kind, old, new) -> list[BlockDiff]:
    """Blocks comparing ``old`` (``None`` for a first version) with ``new``."""
    old = old or {}
    if kind == ReviewedKind.GUIDE:
        return _guide_diff(old, new)
    return _fields_diff(kind, old, new)
