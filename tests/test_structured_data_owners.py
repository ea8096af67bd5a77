"""Each question is marked up once, answers keep their paragraphs, robots.txt and
reviewers' addresses come from SITE_URL, and a reviewer's url only where the
page opens."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faq.models import FaqEntry
from guides.models import Guide
from tests.factories import FaqEntryFactory, ReviewerFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(module_demo):
    """The demo content, loaded once for the module."""


def blocks(html, kind) -> list[dict]:
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [data for data in map(json.loads, found) if data["@type"] == kind]


def html_of(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_every_question_is_marked_up_once_on_the_faq_page(client, demo):
    """Guides show some of the FAQ's questions; only the FAQ page marks them up."""
    guides = [guide.get_absolute_url() for guide in Guide.objects.all()]
    shown_on_guides = 0
    marked = {}
    for path in ["/faq/", *guides]:
        html = html_of(client, path)
        for page in blocks(html, "FAQPage"):
            for question in page["mainEntity"]:
                marked.setdefault(question["name"], []).append(path)
        if path != "/faq/":
            shown_on_guides += html.count('class="faq')
    assert shown_on_guides > 0  # the demo's guides do show questions
    assert set(marked) == set(FaqEntry.objects.values_list("question", flat=True))
    assert {tuple(paths) for paths in marked.values()} == {("/faq/",)}


def test_an_answers_paragraphs_stay_apart_in_the_markup(client, demo):
    page = blocks(html_of(client, "/faq/"), "FAQPage")[0]
    answers = [question["acceptedAnswer"]["text"] for question in page["mainEntity"]]
    joined = [text for text in answers if "given back." in text]
    assert joined and all("given back.\n" in text for text in joined)
    assert not any(re.search(r"[.?!][A-Z]", text) for text in answers)


def test_an_answer_is_plain_text_without_entities(client, demo):
    entry = FaqEntryFactory(
        question="Who pays?",
        answer="<p>Costs &amp; fees vary.</p><ul><li>Cells</li><li>Stay</li></ul>",
    )
    approve(entry)
    page = blocks(html_of(client, "/faq/"), "FAQPage")[0]
    (answer,) = [
        question["acceptedAnswer"]["text"]
        for question in page["mainEntity"]
        if question["name"] == "Who pays?"
    ]
    assert answer == "Costs & fees vary.\nCells\nStay"


def test_robots_names_the_sitemap_on_site_url_whatever_the_host(client, demo, settings):
    settings.SITE_URL = "https://cancerfax.example"
    settings.ALLOWED_HOSTS = ["elsewhere.example", "testserver"]
    text = client.get("/robots.txt", HTTP_HOST="elsewhere.example").content.decode()
    assert "Sitemap: https://cancerfax.example/sitemap.xml\n" in text
    assert "elsewhere.example" not in text


def test_a_reviewer_carries_a_url_only_when_the_profile_page_opens(
    client, demo, settings
):
    settings.SITE_URL = "https://cancerfax.example"
    colleague = ReviewerFactory(name="Dr Grace Hopper")
    approved = ReviewerFactory(name="Dr Ada Lovelace")
    approve(approved, reviewers=[colleague])
    guide = SectionFactory().guide
    approve(guide, reviewers=[approved, colleague])

    html = html_of(client, guide.get_absolute_url())
    reviewed_by = {
        person["name"]: person
        for person in blocks(html, "MedicalWebPage")[0]["reviewedBy"]
    }
    page = f"/about/reviewers/{approved.pk}/"
    assert reviewed_by["Dr Ada Lovelace"]["url"] == "https://cancerfax.example" + page
    assert client.get(page).status_code == 200
    # Nobody has approved Dr Hopper's profile yet: her page is 404, so no url.
    assert "url" not in reviewed_by["Dr Grace Hopper"]
    assert client.get(f"/about/reviewers/{colleague.pk}/").status_code == 404


def test_the_reviewer_urls_cost_no_query(client, demo):
    """Whether each signer's page opens is read with the signatures."""
    reviewers = [ReviewerFactory() for _ in range(4)]
    approve(*reviewers, reviewers=[ReviewerFactory()])
    one = SectionFactory().guide
    many = SectionFactory().guide
    approve(one, reviewers=reviewers[:1])
    approve(many, reviewers=reviewers)
    counts = []
    for guide in (one, many):
        with CaptureQueriesContext(connection) as queries:
            html_of(client, f"{guide.get_absolute_url()}?fresh")
        counts.append(len(queries))
    assert counts[0] == counts[1]
