"""Inline citations: ``[ref:key]`` where the claim stands, a numbered link on the
page, and a reference list on every page kind, numbered in order of first
citation. An unknown key is refused when the text is saved."""

import re

import pytest
from django.core.exceptions import ValidationError

from cancerfax.sanitize import clean_html
from guides.models import Section
from reviews.citing import PageReferences, page_references
from tests.content_factories import GlossaryTermFactory
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

SUP = re.compile(r'<sup class="cite"><a href="#ref-(\d+)" aria-label="Reference \1">')
LISTED = re.compile(r'<li id="ref-(\d+)">([^.]+)\.')


@pytest.fixture(scope="module")
def pages(module_db, django_db_blocker):
    """A guide, a cancer type, an answer and a term citing three sources, built
    once: {kind: address} and the sources by key."""
    with django_db_blocker.unblock():
        sources = {
            key: CitationFactory(key=key, title=f"Study {key}")
            for key in ("alpha", "beta", "gamma")
        }
        section = SectionFactory(
            heading="What it is",
            body="<p>It helps some people [ref:beta]. Others less [ref:alpha].</p>",
        )
        numbers = SectionFactory(
            guide=section.guide, kind=Section.Kind.KEY_NUMBERS, heading="Numbers"
        )
        figure = SectionItemFactory(section=numbers, figure="230", title="people")
        figure.citations.add(sources["gamma"])
        SectionItemFactory(
            section=SectionFactory(
                guide=section.guide, kind=Section.Kind.KEY_POINTS, heading="More"
            ),
            text="A plain point that cites beta again [ref:beta] & <b>stays text</b>.",
        )
        indication = CancerIndicationFactory(
            summary="<p>Studied here [ref:gamma].</p>",
            evidence_overview="<p>Mixed [ref:alpha] [ref:gamma].</p>",
        )
        entry = FaqEntryFactory(answer="<p>An answer [ref:alpha].</p>")
        term = GlossaryTermFactory(definition="Defined in a study [ref:beta].")
        approve(section.guide, indication, entry, term)
        return {
            "guide": section.guide.get_absolute_url(),
            "indication": indication.get_absolute_url(),
            "faq": "/faq/",
            "glossary": "/glossary/",
        }


def listed(html):
    return [(int(n), title) for n, title in LISTED.findall(html)]


@pytest.mark.django_db
def test_a_guide_numbers_its_sources_in_order_of_first_citation(client, pages):
    """Markers in the text and key numbers' citations share one numbering; a
    source cited twice keeps its number; plain text stays escaped."""
    html = client.get(pages["guide"]).content.decode()
    assert [int(n) for n in SUP.findall(html)] == [1, 2, 1]
    assert listed(html) == [(1, "Study beta"), (2, "Study alpha"), (3, "Study gamma")]
    assert 'href="#ref-3"' in html  # the key number links its source
    assert "&lt;b&gt;stays text&lt;/b&gt;" in html
    assert "[ref:" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("indication", [(1, "Study gamma"), (2, "Study alpha")]),
        ("faq", [(1, "Study alpha")]),
        ("glossary", [(1, "Study beta")]),
    ],
)
def test_every_page_kind_lists_its_references(client, pages, kind, expected):
    html = client.get(pages[kind]).content.decode()
    assert listed(html) == expected
    assert SUP.search(html)
    assert "[ref:" not in html


@pytest.mark.django_db
def test_an_unknown_key_is_refused_at_save_naming_it(pages):
    section = SectionFactory(body="<p>A claim [ref:alpha] [ref:no-such-study].</p>")
    with pytest.raises(ValidationError) as refused:
        section.full_clean()
    assert "“no-such-study”" in str(refused.value.message_dict["body"])
    entry = FaqEntryFactory(answer="<p>Cured [ref:made-up].</p>")
    with pytest.raises(ValidationError, match="made-up"):
        entry.full_clean()


def test_markers_survive_the_sanitiser():
    assert "[ref:ddt-2017]" in clean_html("<p>A claim [ref:ddt-2017].</p>")


def test_a_marker_inside_a_tag_is_left_alone():
    """Only text between tags becomes a link: an address stays an address."""

    class Source:
        key, id = "alpha", 1

    references = page_references([], known=[])
    references.add(Source())
    html = references.html('<p><a href="/x/[ref:alpha]">x</a> y [ref:alpha]</p>')
    assert 'href="/x/[ref:alpha]"' in html
    assert html.count('<sup class="cite">') == 1


def test_a_page_without_references_drops_markers():
    assert PageReferences().text("Safe & sound [ref:alpha].") == "Safe &amp; sound."


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["/admin/faq/faqentry/add/", "/admin/guides/cancerindication/add/"]
)
def test_the_editor_sees_the_keys_beside_each_citing_field(
    client, pages, medical_editor, address
):
    client.force_login(medical_editor)
    html = client.get(address).content.decode()
    assert "Keys you can cite: alpha, beta, gamma" in html


@pytest.mark.django_db
def test_a_source_cited_in_a_text_cannot_be_deleted(pages):
    from django.db.models import ProtectedError

    from guides.models import Citation

    with pytest.raises(ProtectedError, match="cite this source in their text"):
        Citation.objects.get(key="alpha").delete()


def test_evidence_labels_are_the_worded_scale_in_neutral_colours():
    """No label says a treatment works, and no badge is green."""
    from pathlib import Path

    from django.conf import settings

    from guides.models import CancerIndication

    labels = dict(CancerIndication.EvidenceStrength.choices)
    assert list(labels.values()) == [
        "Randomised trials, mixed results",
        "Studied in trials, not approved",
        "Early studies only",
    ]
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    for value in labels:
        rules = re.findall(rf"\.badge--{value} \{{([^}}]*)\}}", css)
        assert rules
        assert not any("--good" in rule or "--caution" in rule for rule in rules)
