"""Practical facts: reviewed on their own, shown by guides, each kind rendered.

One guide showing a fact of every kind, built once for the module; tests that
change something run in their own transaction and are rolled back.
"""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from guides.admin_editor import kind_fields
from guides.models import Fact, Guide, Section
from reviews.capture import version_capture
from reviews.diff import version_diff
from reviews.models import ContentVersion
from reviews.registry import reviewed_type_for
from reviews.services import version_approve
from tests.content_factories import ContactPageFactory, TrustPageFactory
from tests.factories import (
    CitationFactory,
    FactFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)
from trust.models import TrustPage

pytestmark = pytest.mark.django_db
Kind = Fact.Kind
FEE = "Asking costs nothing. A partner hospital that treats you pays us a fee."


def every_kind_of_fact(source):
    checked = datetime.date(2026, 12, 6)
    return [
        FactFactory(
            kind=Kind.REGULATORY,
            title="United Kingdom: MHRA",
            country="United Kingdom",
            regulator="MHRA",
            approval_status="not_approved",
            checked_on=checked,
            how_checked="Searched the regulator's list.",
            link="https://products.example.org/",
        ),
        FactFactory(
            kind=Kind.SCHEDULE,
            title="Growing the cells",
            figure="14–21 days",
            how_checked="The typical time given.",
        ),
        FactFactory(
            kind=Kind.SIDE_EFFECT,
            title="Fever",
            frequency="seen regularly after infusions",
            source=source,
        ),
        FactFactory(
            kind=Kind.NOT_SUITABLE,
            title="The treating team decides",
            text="The doctors decide.",
            questions="Would it delay a standard treatment?",
        ),
        FactFactory(
            kind=Kind.COST,
            title="What a course costs",
            includes="Each infusion\nCheck-ups",
            price_from=1000,
            price_to=2000,
            currency="USD",
            checked_on=checked,
            source=source,
            questions="What costs extra?",
        ),
        FactFactory(
            kind=Kind.TRIALS,
            title="ClinicalTrials.gov",
            figure="More than 100",
            link="https://clinicaltrials.example.org/",
            source=source,
            questions="Is the trial taking patients now?",
        ),
    ]


@pytest.fixture(scope="module")
def page(django_db_setup, django_db_blocker):
    """An approved guide: at a glance, every kind of fact, one unapproved fact,
    a call to action; and approved funding and contact pages."""
    with django_db_blocker.unblock(), transaction.atomic():
        source = CitationFactory(title="The registry report")
        facts = every_kind_of_fact(source)
        unapproved = FactFactory(title="Never approved fact")
        approve(*facts)
        guide = GuideFactory()
        SectionItemFactory(
            section=SectionFactory(guide=guide, kind=Section.Kind.KEY_POINTS),
            text="Not approved by any regulator; how much it helps is uncertain.",
        )
        section = SectionFactory(guide=guide, kind=Section.Kind.FACTS)
        for fact in [*facts, unapproved]:
            SectionItemFactory(section=section, fact=fact, title="", text="")
        SectionFactory(
            guide=guide,
            kind=Section.Kind.CALL_TO_ACTION,
            heading="Ask us",
            button_label="Ask about it",
        )
        approve(guide)
        approve(TrustPageFactory(kind=TrustPage.Kind.FUNDING, lede=FEE))
        approve(ContactPageFactory(phone="+1 (555) 010-0199"))
        yield {"guide": guide, "facts": facts, "unapproved": unapproved}
        transaction.set_rollback(True)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def approve_changes(obj):
    version = version_capture(obj=obj, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])


def test_every_kind_of_fact_renders_with_its_structured_fields(client, page):
    html = html_of(client, page["guide"].get_absolute_url())
    for words in [
        "United Kingdom (MHRA):",
        "Not approved",
        '<time datetime="2026-12-06">6 December 2026</time>',
        "How we checked: Searched the regulator",
        "14–21 days",
        "<strong>Fever</strong>: seen regularly after infusions",
        "The doctors decide.",
        "Would it delay a standard treatment?",
        "USD 1000–2000",
        "Each infusion",
        "What costs extra?",
        "More than 100",
        'href="https://clinicaltrials.example.org/"',
        "Is the trial taking patients now?",
    ]:
        assert words in html, words
    # The shared source is listed once, in the page's numbered references, and
    # every fact citing it is marked with that number where it stands.
    assert html.count("The registry report") == 1
    (number,) = re.findall(r'<li id="ref-(\d+)">[^<]*The registry report', html)
    marker = f'<sup class="cite"><a href="#ref-{number}"'
    assert html.count(marker) >= 3


def test_an_unapproved_fact_never_reaches_the_page(client, page):
    html = html_of(client, page["guide"].get_absolute_url())
    assert "Never approved fact" not in html
    assert f'id="fact-{page["unapproved"].slug}"' not in html


def test_a_changed_fact_reaches_patients_only_once_approved(client, page):
    fever = page["facts"][2]
    fever.frequency = "seen after every infusion"
    fever.save()
    url = page["guide"].get_absolute_url()
    assert "seen after every infusion" not in html_of(client, url)
    assert "seen regularly after infusions" in html_of(client, url)
    approve_changes(fever)
    assert "seen after every infusion" in html_of(client, url)


def test_deleting_a_fact_an_approved_guide_shows_is_refused(page):
    """Even once the working copy no longer links it."""
    fact = page["facts"][3]
    Section.objects.get(guide=page["guide"], kind="facts").items.filter(
        fact=fact
    ).delete()
    with pytest.raises(ProtectedError) as excinfo, transaction.atomic():
        fact.delete()
    assert "cannot be deleted" in str(excinfo.value.args[0])


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"kind": Kind.SIDE_EFFECT, "frequency": "often"}, "uncited_fact"),
        ({"kind": Kind.TRIALS, "figure": "106"}, "uncited_fact"),
        (
            {
                "kind": Kind.COST,
                "includes": "x",
                "price_from": 1,
                "currency": "USD",
                "checked_on": datetime.date(2026, 1, 1),
            },
            "uncited_fact",
        ),  # fmt: skip
        (
            {
                "kind": Kind.REGULATORY,
                "regulator": "FDA",
                "country": "US",
                "approval_status": "not_approved",
                "checked_on": datetime.date(2026, 1, 1),
            },
            "unchecked_fact",
        ),  # fmt: skip
        ({"kind": Kind.SCHEDULE, "figure": "14–21 days"}, "unchecked_fact"),
    ],
)
def test_a_figure_or_side_effect_without_its_source_cannot_be_approved(values, code):
    """Approval status and a typical schedule may say how they were checked
    instead; nothing else with a figure goes without a source."""
    fact = FactFactory(**values)
    with pytest.raises(ValidationError) as form_errors:
        fact.full_clean()
    assert {"source", "how_checked"} & set(form_errors.value.message_dict)
    version = version_capture(obj=fact, user=None)
    with pytest.raises(ValidationError) as excinfo:
        version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    assert excinfo.value.code == code
    assert not ContentVersion.objects.of(fact).approved().exists()


def test_a_price_needs_its_currency_and_date():
    fact = FactFactory(kind=Kind.COST, includes="x", price_from=10)
    with pytest.raises(ValidationError) as excinfo:
        fact.full_clean()
    assert "currency" in excinfo.value.message_dict


def test_the_reviewer_sees_a_guide_s_facts_by_title_in_its_diff(page):
    guide = page["guide"]
    reviewed = reviewed_type_for(guide)
    snapshot = reviewed.snapshot(reviewed.queryset().get(pk=guide.pk))
    blocks = version_diff(Guide, None, snapshot)
    text = " ".join(field.new for block in blocks for field in block.fields)
    assert "Fever" in text and "Never approved fact" in text


def test_a_fact_links_to_the_first_guide_that_shows_it(page):
    fact = page["facts"][0]
    guide_url = page["guide"].get_absolute_url()
    assert fact.get_absolute_url() == f"{guide_url}#fact-{fact.slug}"
    assert FactFactory().get_absolute_url() == ""


def test_the_guide_editor_offers_a_fact_for_each_item_of_a_facts_section():
    assert json.loads(kind_fields())["facts"] == {
        "fields": ["heading", "intro"],
        "items": ["fact"],
    }


def test_at_a_glance_comes_first_then_the_unwell_note(client, page):
    """Before the review line and the contents, at any width."""
    html = html_of(client, page["guide"].get_absolute_url())
    body = html.split('class="wrap guide-body"', 1)[1]
    assert body.index("section--key-points") < body.index("unwell-note")
    assert body.index("unwell-note") < body.index("review-line")
    assert body.index("review-line") < body.index("section--facts")
    assert body.count("section--key-points") == 1


def test_the_unwell_note_is_on_the_guide_and_the_inquiry_form(client, page):
    for url in [page["guide"].get_absolute_url(), "/inquire/"]:
        html = html_of(client, url)
        assert "If you are unwell now," in html, url
        assert "local emergency number" in html, url


def test_the_footer_gives_the_contact_pages_phone_as_a_tel_link(client, page):
    """The number patients call is the approved contact page's, on every page."""
    for url in [page["guide"].get_absolute_url(), "/faq/"]:
        html = html_of(client, url)
        footer = html.split('<footer class="site-footer">', 1)[1]
        link = '<a href="tel:+15550100199" dir="ltr">+1 (555) 010-0199</a>'
        assert link in footer, url


def test_the_fee_disclosure_stands_beside_each_call_to_action(client, page):
    for url in [page["guide"].get_absolute_url(), "/faq/"]:
        html = html_of(client, url)
        cta = html.split('<aside class="cta"', 1)[1].split("</aside>", 1)[0]
        assert FEE in cta, url
        assert "How we are funded" in cta, url


def test_a_newly_approved_fee_disclosure_replaces_the_kept_sections(client, page):
    """The guide's sections are kept under a key that names the funding page."""
    url = page["guide"].get_absolute_url()
    html_of(client, url)
    funding = TrustPage.objects.get(kind=TrustPage.Kind.FUNDING)
    funding.lede = "A new summary of the fee."
    funding.save()
    approve_changes(funding)
    assert "A new summary of the fee." in html_of(client, url)
