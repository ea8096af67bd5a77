"""Turn a guide snapshot into what the page templates render.

References (cancer types, questions, related guides) are stored as ids and
resolved here in one query per kind of reference, so a page costs the same number
of queries whatever the number of sections and items. The lookups are arguments:
patients get approved versions (``reviews.selectors.approved_lookup``), a staff
preview gets the working copies.
"""

from faq.models import FaqEntry

from .models import CancerIndication, Guide
from .sections import SectionKind, template_for


def published_faq_entries(ids):
    return FaqEntry.objects.published().in_bulk(ids)


def published_indications(ids):
    return CancerIndication.objects.published().in_bulk(ids)


def published_guides(ids):
    return Guide.objects.published().select_related("topic").in_bulk(ids)


def _ids(sections, key):
    return {item[key] for s in sections for item in s["items"] if item.get(key)}


def build_page_sections(
    snapshot,
    *,
    faq_lookup=published_faq_entries,
    indication_lookup=published_indications,
    guide_lookup=published_guides,
):
    """Return the snapshot's sections, ready for ``guides/sections/<kind>.html``.

    Items that point at unpublished or deleted records are dropped: a patient
    never sees a link to a page that would answer 404. Key numbers get the
    numbers of their entries in the snapshot's ``references``.
    """
    sections = snapshot["sections"]
    indication_ids = _ids(sections, "indication_id")
    faq_ids = _ids(sections, "faq_entry_id")
    indications = indication_lookup(indication_ids) if indication_ids else {}
    faq_entries = faq_lookup(faq_ids) if faq_ids else {}
    wants_related = any(s["kind"] == SectionKind.RELATED_GUIDES for s in sections)
    related = (
        sorted(
            guide_lookup(snapshot["related_guide_ids"]).values(),
            key=lambda guide: guide.title,
        )
        if wants_related and snapshot["related_guide_ids"]
        else []
    )
    reference_numbers = {
        reference["id"]: number
        for number, reference in enumerate(snapshot.get("references", ()), 1)
    }

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
            if "citation_ids" in item:
                item["references"] = [
                    reference_numbers[pk]
                    for pk in item["citation_ids"]
                    if pk in reference_numbers
                ]
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
