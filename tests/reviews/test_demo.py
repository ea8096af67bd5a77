"""The demo's reviewers and approvals: the CIK guide shows its review line."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags

from glossary import demo_content as glossary_demo
from guides import demo_content
from guides.demo_review import PANEL, PERSON, approve_demo_content
from images.demo import DEMO_IMAGES
from reviews.models import ContentVersion, Reviewer, ReviewRecord, Translation
from tests.factories import SectionFactory
from trust import demo_content as trust_demo

pytestmark = pytest.mark.django_db

# Every test reads the rows of one ``load_demo --users`` run into the empty
# database (``module_demo_users``: what it printed), shared with
# ``tests/guides/test_load_demo.py``; each test's changes are rolled back.


def counts():
    return (
        Reviewer.objects.count(),
        ContentVersion.objects.count(),
        ReviewRecord.objects.count(),
    )


def test_load_demo_approves_demo_content_by_the_panel_and_a_named_reviewer(
    client, module_demo_users
):
    expected = (
        2  # the demo panel's profile and its member's
        + len(demo_content.TOPICS)
        + len(demo_content.GUIDES)
        + len(demo_content.FAQ_ENTRIES)
        + len(demo_content.INDICATIONS)
        + len(demo_content.FACTS)
        + len(trust_demo.PAGES)
        + len(glossary_demo.TERMS)
        + len(DEMO_IMAGES)
    )
    assert f"approved {expected} demo item(s)" in module_demo_users
    approved = ReviewRecord.objects.filter(outcome="approved")
    translated = approved.filter(
        version__content_type=ContentType.objects.get_for_model(Translation)
    )
    # The out-of-date translation's English was approved twice more: as it read
    # when translated, then as it reads now.
    assert approved.exclude(pk__in=translated).count() == expected + 2
    per_language = (
        1  # the CIK guide
        + 5  # its questions
        + len(demo_content.INDICATIONS)
        + len(glossary_demo.TERMS)
        + len(trust_demo.PAGES)
        - 1  # the privacy notice stays in English
        + len(demo_content.FACTS)  # every fact of the CIK guide
        + len(demo_content.TOPICS)
    )
    assert translated.count() == 2 * per_language
    assert f"approved {2 * per_language} demo translation(s)." in module_demo_users
    person = Reviewer.objects.get(name=PERSON["name"])
    assert person.user.email == "demo-reviewer@example.org"
    assert list(Reviewer.objects.get(name=PANEL["name"]).members.all()) == [person]

    html = client.get(f"/guides/{demo_content.CIK_GUIDE}/").content.decode()
    assert "CancerFax Medical Team — Oncology &amp; Haematology Specialists" in html
    # The name links to the reviewer's page; the line reads "Name (credentials)".
    assert f"{PERSON['name']} ({PERSON['credentials']})" in strip_tags(html)
    assert "Last reviewed" in html and "Next review due" in html
    assert '"@type": "MedicalWebPage"' in html


def test_second_run_changes_nothing(module_demo_users):
    approve_demo_content()
    before = counts()
    out = StringIO()
    assert approve_demo_content(stdout=out) == 0
    assert counts() == before
    assert out.getvalue() == ""


def test_content_that_is_not_part_of_the_demo_is_left_for_a_real_reviewer(
    module_demo_users,
):
    other = SectionFactory().guide
    approve_demo_content()
    assert not ContentVersion.objects.of(other).exists()
