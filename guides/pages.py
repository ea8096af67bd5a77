"""Turn a guide snapshot into what the page templates render.

References (cancer types, questions, related guides) are stored as ids and
resolved here in one query per kind of reference, so a page costs the same number
of queries whatever the number of sections and items.
"""

from faq.models import FaqEntry

from .models import CancerIndication, Guide
from .sections import SectionKind, template_for


def published_faq_entries(ids):
    return FaqEntry.objects.published().in_bulk(ids)


def _ids(sections, key):
    return {item[key] for s in sections for item in s["items"] if item.get(key)}


def build_page_sections(snapshot, *, faq_lookup=published_faq_entries):
    """Return the snapshot's sections, ready for ``guides/sections/<kind>.html``.

    Items that point at unpublished or deleted records are dropped: a patient
    never sees a link to a page that would answer 404.
    """
    sections = snapshot["sections"]
    indication_ids = _ids(sections, "indication_id")
    faq_ids = _ids(sections, "faq_entry_id")
    indications = (
        CancerIndication.objects.published().in_bulk(indication_ids)
        if indication_ids
        else {}
    )
    faq_entries = faq_lookup(faq_ids) if faq_ids else {}
    wants_related = any(s["kind"] == SectionKind.RELATED_GUIDES for s in sections)
    related = (
        list(
            Guide.objects.published()
            .filter(pk__in=snapshot["related_guide_ids"])
            .select_related("topic")
            .order_by("title")
        )
        if wants_related and snapshot["related_guide_ids"]
        else []
    )

    page_sections = []
    for section in sections:
        items = []
        for item in section["items"]:
            item = dict(item)
            if "indication_id" in item:
                item["indication"] = indications.get(item["indication_id"])
                if item["indication"] is None:
                    continue
            if "faq_entry_id" in item:
                item["faq_entry"] = faq_entries.get(item["faq_entry_id"])
                if item["faq_entry"] is None:
                    continue
            items.append(item)
        page_section = {
            **section,
            "items": items,
            "template": template_for(section["kind"]),
        }
        if section["kind"] == SectionKind.RELATED_GUIDES:
            page_section["guides"] = related
        page_sections.append(page_section)
    return page_sections
