"""The guide editor's page costs the same number of queries however many items
its sections hold: every item's selects share one reading of their options."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faq.models import FaqEntry
from guides.models import CancerIndication, Citation, Section
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
)

pytestmark = pytest.mark.django_db


def guide_with(items_per_section):
    guide = GuideFactory()
    kinds = [Section.Kind.KEY_NUMBERS, Section.Kind.INDICATIONS, Section.Kind.FAQ]
    for order, kind in enumerate(kinds):
        section = SectionFactory(guide=guide, order=order, kind=kind)
        for _ in range(items_per_section):
            item = SectionItemFactory(
                section=section,
                indication=CancerIndicationFactory(),
                faq_entry=FaqEntryFactory(),
            )
            item.citations.add(CitationFactory())
    return guide


def editor_queries(client, guide):
    url = f"/admin/guides/guide/{guide.pk}/change/"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_the_editor_page_does_not_grow_queries_with_items(client, medical_editor):
    client.force_login(medical_editor)
    _, one = editor_queries(client, guide_with(1))
    response, eight = editor_queries(client, guide_with(8))
    assert eight == one
    # Every item still offers every cancer type, question and reference its
    # kind uses, and shows its own as chosen.
    sections = response.context["inline_admin_formsets"][0].formset.forms
    options = {
        "indication": CancerIndication.objects.count() + 1,  # and "---------"
        "faq_entry": FaqEntry.objects.count() + 1,
        "citations": Citation.objects.count(),
    }
    for section, name in zip(
        sections, ["citations", "indication", "faq_entry"], strict=True
    ):
        items = section.nested_formsets[0].forms
        assert len(items) == 8
        for form in items:
            item = form.instance
            chosen = {
                "indication": item.indication_id,
                "faq_entry": item.faq_entry_id,
                "citations": item.citations.get().pk,
            }[name]
            widget = str(form[name])
            assert widget.count("<option") == options[name], name
            assert f'value="{chosen}" selected' in widget, name
            assert len(re.findall(r"<option[^>]* selected>", widget)) == 1, name


def test_an_item_has_only_the_fields_of_its_sections_kind(client, medical_editor):
    """A FAQ item is one question: no figure, title, text or reference controls
    (the CIK guide's page drew them all and hid them: about 1,470 controls)."""
    client.force_login(medical_editor)
    response, _ = editor_queries(client, guide_with(1))
    sections = response.context["inline_admin_formsets"][0].formset.forms
    rows = {"order", "id", "section", "DELETE"}
    fields = [set(s.nested_formsets[0].forms[0].fields) - rows for s in sections]
    assert fields == [
        {"figure", "title", "text", "source", "citations"},
        {"indication", "text"},
        {"faq_entry"},
    ]
    assert "sections-2-items-0-title" not in response.content.decode()
