"""The review line and the JSON-LD say the same, and come from the records."""

import datetime
import json
import re
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from guides.models import Section
from reviews.capture import version_capture
from reviews.models import ContentVersion
from reviews.services import (
    review_confirm_current,
    version_approve,
    version_publish_minor_change,
)
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    ReviewerFactory,
    SectionFactory,
    TopicFactory,
)
from tests.factories import approve as approve_topics

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def reviewers():
    return [
        ReviewerFactory(
            name="Tumour Board <Oncology & Haematology>",
            kind="panel",
            credentials="Consultant oncologists",
        ),
        ReviewerFactory(name="Dr Ada Lovelace", credentials="MBBS, FRCP"),
        ReviewerFactory(name="Dr Grace Hopper", credentials=""),
    ]


def json_ld(html):
    """The page's one ``MedicalWebPage`` block (breadcrumbs have their own)."""
    blocks = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]
    pages = [block for block in blocks if block["@type"] == "MedicalWebPage"]
    assert len(pages) == 1
    return pages[0]


def review_line(html):
    match = re.search(r'<div class="review-line">(.*?)</div>', html, re.S)
    assert match, "no review line"
    line = match.group(1)
    names = [
        unescape(strip_tags(name))
        for name in re.findall(r'<span class="reviewer">(.*?)</span>', line)
    ]
    dates = dict(
        re.findall(r"(Last reviewed|Next review due) <time datetime=\"([\d-]+)\"", line)
    )
    return names, dates


def approve(obj, reviewers, **kwargs):
    version = version_capture(obj=obj, user=None)
    return version_approve(version=version, user=None, reviewers=reviewers, **kwargs)


def visible_name(data):
    credentials = data.get("honorificSuffix") or data.get("description")
    return f"{data['name']} ({credentials})" if credentials else data["name"]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_guide_json_ld_agrees_with_the_visible_line(client, reviewers, count):
    guide = SectionFactory().guide
    reviewed_on = timezone.localdate() - 10 * DAY
    approve(guide, reviewers[:count], reviewed_on=reviewed_on)
    html = client.get(guide.get_absolute_url()).content.decode()
    data = json_ld(html)
    names, dates = review_line(html)

    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == guide.title
    assert data["url"].endswith(guide.get_absolute_url())
    assert data["lastReviewed"] == dates["Last reviewed"] == reviewed_on.isoformat()
    assert [visible_name(r) for r in data["reviewedBy"]] == names
    assert sorted(names) == sorted(str(r) for r in reviewers[:count])
    types = {r["name"]: r["@type"] for r in data["reviewedBy"]}
    if count > 1:
        assert types["Dr Ada Lovelace"] == "Person"
    assert types["Tumour Board <Oncology & Haematology>"] == "Organization"


def test_indication_page_has_the_same_agreement(client, reviewers):
    indication = CancerIndicationFactory(name="Gastric cancer")
    approve(indication, reviewers)
    html = client.get(indication.get_absolute_url()).content.decode()
    data = json_ld(html)
    names, dates = review_line(html)
    assert data["name"] == "Gastric cancer"
    assert data["lastReviewed"] == dates["Last reviewed"]
    assert [visible_name(r) for r in data["reviewedBy"]] == names


def test_json_ld_cannot_break_out_of_its_script_element(client):
    guide = SectionFactory().guide
    hostile = ReviewerFactory(name="</script><script>alert(1)</script>")
    approve(guide, [hostile])
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["reviewedBy"][0]["name"] == hostile.name


def test_next_review_due_defaults_to_the_interval_for_the_kind(client, settings):
    settings.REVIEW_INTERVALS_MONTHS = {**settings.REVIEW_INTERVALS_MONTHS, "guide": 6}
    guide = SectionFactory().guide
    approve(guide, [ReviewerFactory()], reviewed_on=datetime.date(2026, 8, 31))
    _, dates = review_line(client.get(guide.get_absolute_url()).content.decode())
    assert dates["Next review due"] == "2027-02-28"


def test_confirmed_still_accurate_moves_the_dates_without_a_new_version(client):
    guide = SectionFactory().guide
    first = ReviewerFactory(name="Dr First")
    second = ReviewerFactory(name="Dr Second")
    today = timezone.localdate()
    record = approve(guide, [first], reviewed_on=today - 400 * DAY)
    review_confirm_current(
        version=record.version,
        user=None,
        reviewers=[second],
        next_review_due=today + 300 * DAY,
    )
    assert ContentVersion.objects.count() == 1
    names, dates = review_line(client.get(guide.get_absolute_url()).content.decode())
    assert names == [str(second)]
    assert dates == {
        "Last reviewed": today.isoformat(),
        "Next review due": (today + 300 * DAY).isoformat(),
    }


def test_minor_change_is_published_but_is_not_a_review(client):
    cta = SectionFactory(
        order=1,
        kind=Section.Kind.CALL_TO_ACTION,
        heading="Ask about your case",
        intro="We reply within two days.",
        button_label="Send your records",
    )
    guide = cta.guide
    SectionFactory(guide=guide, order=2)
    reviewed_on = timezone.localdate() - 30 * DAY
    approve(guide, [ReviewerFactory()], reviewed_on=reviewed_on)
    cta.order = 3  # the call to action moves to the end: no new words
    cta.save()
    version = version_capture(obj=guide, user=None)
    assert version.arrangement_only
    version_publish_minor_change(version=version, user=None, notes="Button text")
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Ask about your case" in html
    _, dates = review_line(html)
    assert dates["Last reviewed"] == reviewed_on.isoformat()


def test_overdue_content_stays_published_with_its_true_dates(client):
    entry = FaqEntryFactory(question="Is it safe?")
    long_ago = timezone.localdate() - 800 * DAY
    approve(
        entry, [ReviewerFactory()], reviewed_on=long_ago, next_review_due=long_ago + DAY
    )
    html = client.get("/faq/").content.decode()
    assert "Is it safe?" in html
    _, dates = review_line(html)
    assert dates == {
        "Last reviewed": long_ago.isoformat(),
        "Next review due": (long_ago + DAY).isoformat(),
    }


def test_the_faq_page_has_one_review_line_naming_every_reviewer(client):
    """Latest review of any answer, earliest next review, each reviewer once."""
    today = timezone.localdate()
    first = FaqEntryFactory(topic=TopicFactory(name="A first topic"))
    second = FaqEntryFactory(topic=TopicFactory(name="B second topic"))
    approve_topics(first.topic, second.topic)  # each answer under its own topic
    shared = ReviewerFactory(name="Dr Both")
    approve(
        first,
        [ReviewerFactory(name="Dr First"), shared],
        reviewed_on=today - 10 * DAY,
        next_review_due=today + 100 * DAY,
    )
    approve(
        second,
        [shared],
        reviewed_on=today - 2 * DAY,
        next_review_due=today + 300 * DAY,
    )
    html = client.get("/faq/").content.decode()
    assert html.count('<div class="review-line">') == 1
    names, dates = review_line(html)
    assert sorted(names) == ["Dr Both (MBBS, MRCP)", "Dr First (MBBS, MRCP)"]
    assert dates == {
        "Last reviewed": (today - 2 * DAY).isoformat(),
        "Next review due": (today + 100 * DAY).isoformat(),
    }
    assert html.index(second.question) < html.index('<div class="review-line">')
