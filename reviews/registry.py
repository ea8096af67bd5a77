"""What is reviewed, and how each kind of item becomes a snapshot.

One unit of review is what one record covers: a guide with all its sections,
items and references; one FAQ answer; one cancer type page. A snapshot is plain
JSON data: the public page renders from it, the diff compares two of them.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder

from guides.sections import SECTION_KINDS, SectionKind

from .models import ReviewedKind

# Guide fields that arrange or describe the page for search engines but make no
# medical claim. A change confined to these (and to non-clinical section kinds)
# may take the lighter path: see ``services.version_publish_minor_change``.
NON_CLINICAL_GUIDE_FIELDS = ("slug", "topic", "meta_description", "related_guide_ids")
# FAQ entries and cancer type pages: what patients read. Slug, topic and order
# arrange the page and are not part of the reviewed content.
FAQ_FIELDS = ("question", "answer")
INDICATION_FIELDS = (
    "name", "evidence_strength", "summary", "evidence_overview", "meta_description",
)  # fmt: skip


def guide_snapshot(guide):
    """The guide's own snapshot plus the citations it shows as references.

    References are stored in full so an approved version keeps the exact sources
    its reviewer checked. They are numbered in page order: key-number citations
    as they appear, then the guide's other references. Needs the prefetches in
    ``REVIEWED[GUIDE].prefetch`` to cost no further queries.
    """
    data = guide.build_snapshot()
    references = {}
    for section, section_data in zip(
        guide.sections.all(), data["sections"], strict=True
    ):
        if section.kind != SectionKind.KEY_NUMBERS:
            continue
        for item, item_data in zip(
            section.items.all(), section_data["items"], strict=True
        ):
            citations = list(item.citations.all())
            item_data["citation_ids"] = [c.pk for c in citations]
            for citation in citations:
                references.setdefault(citation.pk, citation.build_snapshot())
    for citation in guide.citations.all():
        references.setdefault(citation.pk, citation.build_snapshot())
    data["references"] = list(references.values())
    return data


def fields_snapshot(*names):
    def build(obj):
        return {name: getattr(obj, name) for name in names}

    return build


@dataclass(frozen=True)
class ReviewedType:
    kind: str
    model_label: str
    title_field: str
    build_snapshot: Any
    # Fields copied from the approved snapshot onto objects shown in lists.
    display_fields: tuple[str, ...]
    non_clinical_fields: tuple[str, ...] = ()
    prefetch: tuple = ()
    select_related: tuple[str, ...] = ()

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def queryset(self):
        return (
            self.model._default_manager.select_related(*self.select_related)
            .prefetch_related(*self.prefetch)
            .order_by()
        )

    def snapshot(self, obj):
        """``obj`` as the database will store it: JSON has no tuples or lazy text."""
        return json.loads(json.dumps(self.build_snapshot(obj), cls=DjangoJSONEncoder))

    def title_of(self, obj):
        return str(getattr(obj, self.title_field))

    def clinical_part(self, snapshot):
        """The snapshot without what a non-clinical change may touch."""
        data = {k: v for k, v in snapshot.items() if k not in self.non_clinical_fields}
        if "sections" in data:
            data["sections"] = [
                section
                for section in data["sections"]
                if getattr(SECTION_KINDS.get(section["kind"]), "clinical", True)
            ]
        return data

    def is_non_clinical_change(self, old, new):
        return (
            old is not None
            and old != new
            and self.clinical_part(old) == self.clinical_part(new)
        )


REVIEWED = {
    ReviewedKind.GUIDE: ReviewedType(
        kind=ReviewedKind.GUIDE,
        model_label="guides.Guide",
        title_field="title",
        build_snapshot=guide_snapshot,
        display_fields=("title", "lede", "meta_description"),
        non_clinical_fields=NON_CLINICAL_GUIDE_FIELDS,
        select_related=("topic",),
        prefetch=("sections__items__citations", "related_guides", "citations"),
    ),
    ReviewedKind.FAQ: ReviewedType(
        kind=ReviewedKind.FAQ,
        model_label="faq.FaqEntry",
        title_field="question",
        build_snapshot=fields_snapshot(*FAQ_FIELDS),
        display_fields=FAQ_FIELDS,
    ),
    ReviewedKind.INDICATION: ReviewedType(
        kind=ReviewedKind.INDICATION,
        model_label="guides.CancerIndication",
        title_field="name",
        build_snapshot=fields_snapshot(*INDICATION_FIELDS),
        display_fields=INDICATION_FIELDS,
        non_clinical_fields=("meta_description",),
    ),
}


def reviewed_type_for(model_or_obj):
    label = model_or_obj._meta.label
    for reviewed in REVIEWED.values():
        if reviewed.model_label == label:
            return reviewed
    raise LookupError(f"{label} is not reviewed content.")
