"""The glossary page and terms on guide pages: approved terms only."""

import pytest

from tests.content_factories import GlossaryTermFactory
from tests.factories import SectionFactory, approve

pytestmark = pytest.mark.django_db


def test_the_glossary_lists_approved_terms_with_one_review_line(client):
    shown = GlossaryTermFactory(
        term="NKG2D", slug="nkg2d", definition="A receptor on killer cells."
    )
    GlossaryTermFactory(term="Unreviewed", slug="unreviewed")
    approve(shown)
    html = client.get("/glossary/").content.decode()
    assert '<div class="glossary__entry" id="nkg2d">' in html
    assert "<dfn>NKG2D</dfn>" in html
    assert "A receptor on killer cells." in html
    assert "Unreviewed" not in html
    assert html.count('class="review-line"') == 1


def test_a_guide_marks_the_first_use_of_an_approved_term(client):
    section = SectionFactory(body="<p>NKG2D binds MICA. NKG2D again.</p>")
    term = GlossaryTermFactory(
        term="NKG2D", slug="nkg2d", definition="A receptor on killer cells."
    )
    approve(section.guide, term)
    html = client.get(section.guide.get_absolute_url()).content.decode()
    assert html.count('<span class="term">') == 1
    assert 'href="/glossary/#nkg2d" aria-describedby="term-nkg2d-tip"' in html
    assert 'id="term-nkg2d-tip">A receptor on killer cells.</span>' in html


def test_an_unapproved_term_is_not_marked_on_a_guide(client):
    section = SectionFactory(body="<p>NKG2D binds.</p>")
    GlossaryTermFactory(term="NKG2D", slug="nkg2d")
    approve(section.guide)
    html = client.get(section.guide.get_absolute_url()).content.decode()
    assert 'class="term"' not in html


def test_the_term_shows_its_approved_definition_not_a_later_edit(client):
    section = SectionFactory(body="<p>NKG2D binds.</p>")
    term = GlossaryTermFactory(term="NKG2D", slug="nkg2d", definition="Approved.")
    approve(section.guide, term)
    term.definition = "Not yet reviewed."
    term.save()
    html = client.get(section.guide.get_absolute_url()).content.decode()
    assert "Approved." in html and "Not yet reviewed." not in html
