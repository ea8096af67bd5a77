"""Each section kind renders its own fields, in the order the editor chose."""

import pytest
from django.template.loader import get_template

from guides.models import Section, SectionItem
from guides.sections import template_for
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
    approve_all,
)

pytestmark = pytest.mark.django_db
Kind = Section.Kind


def render(client, guide):
    approve_all()
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_key_points_render_heading_and_each_point(client):
    section = SectionFactory(kind=Kind.KEY_POINTS, heading="In short")
    SectionItemFactory(section=section, text="Cells come from your own blood")
    SectionItemFactory(section=section, text="No cytokine release syndrome")
    html = render(client, section.guide)
    assert "In short" in html
    assert "Cells come from your own blood" in html
    assert "No cytokine release syndrome" in html


def test_rich_text_renders_sanitised_html_body(client):
    section = SectionFactory(
        kind=Kind.RICH_TEXT, heading="What it is", body="<p>Adoptive <em>cell</em></p>"
    )
    html = render(client, section.guide)
    assert "What it is" in html
    assert "<p>Adoptive <em>cell</em></p>" in html


def test_pull_quote_renders_quote_and_attribution(client):
    section = SectionFactory(
        kind=Kind.PULL_QUOTE, quote="A force from your own biology", attribution="Dr A"
    )
    html = render(client, section.guide)
    assert "<blockquote><p>A force from your own biology</p></blockquote>" in html
    assert "<figcaption>Dr A</figcaption>" in html


def test_card_grid_renders_intro_and_cards(client):
    section = SectionFactory(
        kind=Kind.CARD_GRID, heading="Killing", intro="Several ways"
    )
    SectionItemFactory(section=section, title="Perforin", text="Punctures membranes")
    html = render(client, section.guide)
    assert "Several ways" in html
    assert "<h3>Perforin</h3>" in html
    assert "Punctures membranes" in html


def test_benefits_and_limitations_go_to_their_columns(client):
    section = SectionFactory(kind=Kind.BENEFITS_LIMITATIONS, heading="Balance")
    SectionItemFactory(
        section=section, group=SectionItem.Group.LIMITATION, title="Lower specificity"
    )
    SectionItemFactory(
        section=section, group=SectionItem.Group.BENEFIT, title="No HLA matching"
    )
    html = render(client, section.guide)
    benefits = html.index("balance__column--benefits")
    limitations = html.index("balance__column--limitations")
    assert benefits < html.index("No HLA matching") < limitations
    assert html.index("Lower specificity") > limitations


def test_key_numbers_render_figure_label_explanation_and_source(client):
    section = SectionFactory(kind=Kind.KEY_NUMBERS, heading="Numbers")
    number = SectionItemFactory(
        section=section,
        figure="14–21 days",
        title="Expansion period",
        text="From blood draw to infusion.",
        source="Example registry 2024",
    )
    number.citations.add(CitationFactory())  # approval needs one
    html = render(client, section.guide)
    for text in (
        "14–21 days",
        "Expansion period",
        "From blood draw to infusion.",
        "Example registry 2024",
    ):
        assert text in html


def test_indications_link_to_their_pages_with_note(client):
    indication = CancerIndicationFactory(name="Gastric cancer", slug="gastric")
    section = SectionFactory(kind=Kind.INDICATIONS, heading="Cancers")
    SectionItemFactory(section=section, indication=indication, text="With chemo")
    html = render(client, section.guide)
    assert '<a href="/cancers/gastric/">Gastric cancer</a>' in html
    assert "With chemo" in html


def test_indication_that_is_not_published_is_left_out(client):
    indication = CancerIndicationFactory(name="Hidden cancer", status="draft")
    section = SectionFactory(kind=Kind.INDICATIONS, heading="Cancers")
    SectionItemFactory(section=section, indication=indication)
    assert "Hidden cancer" not in render(client, section.guide)


def test_related_guides_section_lists_published_related_guides(client):
    section = SectionFactory(kind=Kind.RELATED_GUIDES, heading="More to read")
    shown = GuideFactory(title="CIK and CAR-T compared")
    hidden = GuideFactory(title="Unfinished draft guide", status="draft")
    section.guide.related_guides.add(shown, hidden)
    html = render(client, section.guide)
    assert "More to read" in html
    assert f'<a href="{shown.get_absolute_url()}">CIK and CAR-T compared</a>' in html
    assert "Unfinished draft guide" not in html


def test_faq_section_shows_questions_and_answers_in_order(client):
    section = SectionFactory(kind=Kind.FAQ, heading="Questions")
    second = FaqEntryFactory(question="Is it covered by insurance?")
    first = FaqEntryFactory(
        question="Is it immunotherapy?", answer="<p>Yes, a form.</p>"
    )
    SectionItemFactory(section=section, faq_entry=first, order=1)
    SectionItemFactory(section=section, faq_entry=second, order=2)
    html = render(client, section.guide)
    assert html.index("Is it immunotherapy?") < html.index(
        "Is it covered by insurance?"
    )
    assert "<p>Yes, a form.</p>" in html


def test_call_to_action_links_to_inquiry_form_naming_the_guide(client):
    section = SectionFactory(
        kind=Kind.CALL_TO_ACTION,
        heading="Is it an option for you?",
        intro="We review your records.",
        button_label="Send your records",
    )
    html = render(client, section.guide)
    assert "Is it an option for you?" in html
    assert "We review your records." in html
    assert f'href="/inquire/?guide={section.guide.slug}">Send your records</a>' in html


def test_disclaimer_renders_its_text(client):
    section = SectionFactory(kind=Kind.DISCLAIMER, intro="Not medical advice.")
    assert "Not medical advice." in render(client, section.guide)


def test_every_kind_has_a_template():
    for kind in Kind.values:
        get_template(template_for(kind))


def test_sections_render_in_their_order_not_creation_order(client):
    guide = GuideFactory()
    SectionFactory(guide=guide, order=30, heading="Third heading")
    SectionFactory(guide=guide, order=10, heading="First heading")
    SectionFactory(guide=guide, order=20, heading="Second heading")
    html = render(client, guide)
    assert (
        html.index("First heading")
        < html.index("Second heading")
        < html.index("Third heading")
    )


def test_item_fields_of_other_kinds_are_not_rendered(client):
    """Switching a section's kind leaves old values in the row; they stay hidden."""
    section = SectionFactory(kind=Kind.KEY_POINTS, heading="At a glance")
    SectionItemFactory(section=section, text="Shown point", figure="999 secret")
    html = render(client, section.guide)
    assert "Shown point" in html
    assert "999 secret" not in html


def test_guide_page_has_one_h1_and_a_skip_link(client):
    guide = GuideFactory(title="One title only")
    SectionFactory(guide=guide, heading="A section")
    html = render(client, guide)
    assert html.count("<h1") == 1
    assert 'href="#main"' in html


def test_contents_list_links_to_chapters_but_not_to_asides(client):
    guide = GuideFactory()
    chapters = [
        SectionFactory(guide=guide, order=1, heading="What it is"),
        SectionFactory(guide=guide, order=2, heading="How it works"),
        SectionFactory(guide=guide, order=3, heading="Who it helps"),
    ]
    SectionFactory(
        guide=guide,
        order=4,
        kind=Kind.CALL_TO_ACTION,
        heading="Ask us",
        button_label="Ask",
    )
    html = render(client, guide)
    start = html.index('aria-label="On this page"')
    contents = html[start : html.index("</nav>", start)]
    for section in chapters:
        assert f'<a href="#s{section.pk}">{section.heading}</a>' in contents
        assert f'id="s{section.pk}"' in html
    assert "Ask us" not in contents


def test_short_guide_has_no_contents_list(client):
    guide = GuideFactory()
    SectionFactory(guide=guide, heading="Only chapter")
    assert 'aria-label="On this page"' not in render(client, guide)
