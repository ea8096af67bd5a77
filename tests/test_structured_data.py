"""Canonical links, Open Graph, breadcrumbs and schema.org data on public pages."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from guides.models import Guide
from reviews.models import ReviewRecord

pytestmark = pytest.mark.django_db
CIK_GUIDE = "/guides/what-is-cik-therapy/"


@pytest.fixture
def demo(module_demo):
    """The demo content, loaded once for the module (each test's changes are
    rolled back)."""


def json_ld(html) -> dict:
    """``{@type: data}`` of every JSON-LD block on the page (each must parse)."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    found = {}
    for block in blocks:
        data = json.loads(block)
        found[data["@type"]] = data
    return found


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_guide_is_a_complete_medical_web_page(client, demo, settings):
    data = json_ld(page(client, CIK_GUIDE))["MedicalWebPage"]
    for key in (
        "about", "audience", "description", "inLanguage", "datePublished",
        "dateModified", "lastReviewed", "reviewedBy", "publisher", "citation",
    ):  # fmt: skip
        assert data.get(key), key
    assert data["url"] == settings.SITE_URL + CIK_GUIDE
    assert data["inLanguage"] == "en-GB"
    assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert data["about"][0] == {"@type": "MedicalTherapy", "name": "CIK cell therapy"}
    assert {"@type": "Person", "name": "Dr Jordan Lee"}.items() <= data["reviewedBy"][
        1
    ].items()
    assert data["publisher"]["name"] == "CancerFax"
    dois = {citation.get("sameAs") for citation in data["citation"]}
    assert "https://doi.org/10.1053/j.gastro.2015.02.055" in dois
    last = ReviewRecord.objects.filter(
        version__object_id=Guide.objects.get(slug="what-is-cik-therapy").pk,
        version__content_type__model="guide",
    ).latest("reviewed_on")
    assert data["lastReviewed"] == last.reviewed_on.isoformat()


def test_pages_carry_breadcrumbs_seen_and_in_json_ld(client, demo, settings):
    html = page(client, CIK_GUIDE)
    crumbs = json_ld(html)["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Home"),
        (2, "Guides"),
        (3, "What is CIK therapy?"),
    ]
    assert crumbs[2]["item"] == settings.SITE_URL + CIK_GUIDE
    nav = re.search(
        r'<nav class="breadcrumbs wrap" aria-label="Breadcrumb">(.*?)</nav>', html, re.S
    )[1]
    assert '<a href="/guides/">Guides</a>' in nav
    assert f'<a href="{CIK_GUIDE}" aria-current="page">What is CIK therapy?</a>' in nav


def test_the_faq_page_carries_faq_page_data_and_guides_do_not(client, demo):
    """The FAQ page owns every question (test_structured_data_owners.py)."""
    faq = json_ld(page(client, "/faq/"))["FAQPage"]
    questions = [q["name"] for q in faq["mainEntity"]]
    assert "Is CIK therapy a type of immunotherapy?" in questions
    answer = faq["mainEntity"][0]["acceptedAnswer"]
    assert answer["@type"] == "Answer" and "<" not in answer["text"]
    assert "FAQPage" not in json_ld(page(client, CIK_GUIDE))


def test_the_home_page_describes_the_organisation_with_its_contact(client, demo):
    organization = json_ld(page(client, "/"))["Organization"]
    assert organization["name"] == "CancerFax"
    assert organization["contactPoint"]["telephone"] == "+44 20 7946 0000"


def test_cancer_type_pages_are_about_their_condition(client, demo):
    data = json_ld(page(client, "/cancers/hepatocellular-carcinoma/"))
    assert data["MedicalWebPage"]["about"] == {
        "@type": "MedicalCondition",
        "name": "Hepatocellular carcinoma (HCC)",
    }


@pytest.mark.parametrize(
    "path", ["/", "/guides/", CIK_GUIDE, "/faq/", "/glossary/", "/about/privacy/"]
)
def test_pages_have_a_canonical_address_and_link_preview_tags(
    client, demo, settings, path
):
    html = page(client, path + "?utm_source=x")
    canonical = settings.SITE_URL + path
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    # The demo has an approved sharing picture: every page shows a large one.
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="https?://[^"]+">', html)
    title = re.search(r'<meta property="og:title" content="([^"]+)">', html)[1]
    assert title and title != "CancerFax" or path == "/"


def test_the_guide_preview_uses_its_approved_title(client, demo):
    html = page(client, CIK_GUIDE)
    assert '<meta property="og:title" content="What is CIK therapy?">' in html
    assert '<meta property="og:type" content="article">' in html


def test_sitemap_lastmod_is_the_last_review_not_the_last_save(client, demo, settings):
    settings.SITE_URL = "https://www.example.org"
    guide = Guide.objects.get(slug="what-is-cik-therapy")
    reviewed = (
        ReviewRecord.objects.filter(version__object_id=guide.pk)
        .filter(version__content_type__model="guide")
        .latest("reviewed_on")
        .reviewed_on
    )
    guide.lede = "An edit not yet reviewed."
    guide.save()  # updated_at moves; the approved page does not
    # Our own sitemap, not untrusted input.
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {
        url.find("s:loc", ns).text.removeprefix(settings.SITE_URL): url.find(
            "s:lastmod", ns
        )
        for url in root.findall("s:url", ns)
    }
    assert lastmod[CIK_GUIDE].text == reviewed.isoformat()
    assert lastmod["/about/privacy/"] is not None
    assert "/glossary/" in lastmod and "/about/reviewers/" in lastmod
    # Every address is on SITE_URL, whatever Host the request came with.
    assert all(url.startswith("/") for url in lastmod)
