"""A guide's rendered sections are kept under a key naming exactly what they show
(``{% fragment %}``): a changed approval, publication or address never shows a
kept copy, and staff previews never use or fill one."""

import pytest
from django.core.cache import caches

from faq.models import FaqEntry
from glossary.models import GlossaryTerm
from guides.models import CancerIndication
from publishing.models import StoredPage
from tests.content_factories import GlossaryTermFactory
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_fragments():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def guide_showing(entry, indication=None, body="<p>NKG2D binds MICA.</p>"):
    text = SectionFactory(body=body, order=0)
    questions = SectionFactory(guide=text.guide, kind="faq", order=1)
    SectionItemFactory(section=questions, faq_entry=entry)
    if indication:
        types = SectionFactory(guide=text.guide, kind="indications", order=2)
        SectionItemFactory(section=types, indication=indication)
    approve(text.guide)
    return text.guide


def guide_answering(text):
    entry = FaqEntryFactory(answer=f"<p>{text}</p>")
    approve(entry)
    return entry, guide_showing(entry)


def render(client, guide):
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_patient_render_keeps_the_sections_and_the_next_render_reuses_them(
    client, live_render
):
    _, guide = guide_answering("The approved answer.")
    first = render(client, guide)
    key = first.context["sections_key"]
    assert key
    assert "The approved answer." in caches["fragments"].get(key)
    second = render(client, guide)
    assert second.context["sections_key"] == key
    assert second.content == first.content


def test_a_changed_approval_of_a_shown_answer_never_shows_the_kept_sections(
    client, live_render
):
    entry, guide = guide_answering("The approved answer.")
    before = render(client, guide)
    FaqEntry.objects.filter(pk=entry.pk).update(answer="<p>A newer answer.</p>")
    approve(FaqEntry.objects.get(pk=entry.pk))
    after = render(client, guide)
    assert after.context["sections_key"] != before.context["sections_key"]
    assert "A newer answer." in after.text
    assert "The approved answer." not in after.text


def test_a_changed_glossary_definition_shows_at_once(client, live_render):
    entry = FaqEntryFactory()
    term = GlossaryTermFactory(term="NKG2D", slug="nkg2d", definition="Old words.")
    approve(entry, term)
    guide = guide_showing(entry)
    assert "Old words." in render(client, guide).text
    GlossaryTerm.objects.filter(pk=term.pk).update(definition="New words.")
    approve(GlossaryTerm.objects.get(pk=term.pk))
    html = render(client, guide).text
    assert "New words." in html
    assert "Old words." not in html


def test_a_new_address_or_an_unpublished_item_changes_the_key(client, live_render):
    entry = FaqEntryFactory()
    indication = CancerIndicationFactory(slug="liver-cancer")
    approve(entry, indication)
    guide = guide_showing(entry, indication)
    assert "/cancers/liver-cancer/" in render(client, guide).text
    CancerIndication.objects.filter(pk=indication.pk).update(slug="hcc")
    assert "/cancers/hcc/" in render(client, guide).text
    FaqEntry.objects.filter(pk=entry.pk).update(status="draft")
    assert entry.question not in render(client, guide).text


def test_staff_previews_neither_use_nor_fill_the_kept_sections(
    client, live_render, medical_editor
):
    entry = FaqEntryFactory()
    approve(entry)
    guide = guide_showing(entry, body="<p>The approved words.</p>")
    assert "The approved words." in render(client, guide).text
    kept = len(caches["fragments"]._cache)
    section = guide.sections.get(order=0)
    section.body = "<p>Words not reviewed yet.</p>"
    section.save()
    client.force_login(medical_editor)
    preview = render(client, guide)
    assert preview.context["sections_key"] is None
    assert "Words not reviewed yet." in preview.text
    assert len(caches["fragments"]._cache) == kept
    client.logout()
    assert "The approved words." in render(client, guide).text


def test_kept_sections_note_the_same_dependencies_as_a_full_render(client):
    entry = FaqEntryFactory()
    term = GlossaryTermFactory(term="NKG2D", slug="nkg2d")
    approve(entry, term)
    guide = guide_showing(entry, CancerIndicationFactory())
    path = guide.get_absolute_url()

    def dependencies():
        page = StoredPage.objects.get(path=path)
        return set(page.dependencies.values_list("content_type_id", "object_id"))

    render(client, guide)
    cold = dependencies()
    StoredPage.objects.filter(path=path).delete()
    assert render(client, guide).context["sections_key"] in caches["fragments"]
    assert dependencies() == cold
