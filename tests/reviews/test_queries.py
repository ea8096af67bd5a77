"""The review line and the references cost a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Guide, Section, SectionItem
from reviews.capture import version_capture
from reviews.signing import version_editors
from tests.conftest import make_user
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
    approve_all,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]
Kind = Section.Kind
KINDS = [
    Kind.KEY_NUMBERS,
    Kind.INDICATIONS,
    Kind.FAQ,
    Kind.RELATED_GUIDES,
    Kind.RICH_TEXT,
    Kind.CALL_TO_ACTION,
]
# Patients: guide with its approved snapshot; review record; its signatures;
# approved questions, cancer types, related guides and topics (the guide's and the
# related guides' in one); glossary terms; the about and policy pages the footer
# and the review line link; the site's default sharing picture (og:image: the
# guide has no lead image). Session and user cost nothing here.
PATIENT_QUERIES = 10


def build_guide(section_count):
    guide = GuideFactory()
    guide.related_guides.add(GuideFactory(), GuideFactory())
    CitationFactory().guides.add(guide)
    for order in range(section_count):
        section = SectionFactory(
            guide=guide, order=order, kind=KINDS[order % len(KINDS)]
        )
        for _ in range(3):
            item = SectionItemFactory(
                section=section,
                indication=CancerIndicationFactory(),
                faq_entry=FaqEntryFactory(),
                group=SectionItem.Group.BENEFIT,
                figure="1",
            )
            if section.kind == Kind.KEY_NUMBERS:
                item.citations.add(CitationFactory(), CitationFactory())
    approve_all()
    panel = ReviewerFactory(kind="panel")
    people = [ReviewerFactory(), ReviewerFactory()]
    # A second, later review by several reviewers: the line shows the latest.
    guide.title += " (revised)"
    guide.save()
    approve(guide, reviewers=[panel, *people])
    return guide


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture(scope="module")
def small_and_large_ids(module_db, django_db_blocker):
    """Every kind once, then twice (three items each, two sources per key
    number): built once for the module, as each test's changes roll back."""
    with django_db_blocker.unblock():
        return build_guide(len(KINDS)).pk, build_guide(2 * len(KINDS)).pk


@pytest.fixture
def small_and_large(small_and_large_ids):
    return [Guide.objects.get(pk=pk) for pk in small_and_large_ids]


def test_guide_page_queries_do_not_grow_with_sections_or_references(
    client, small_and_large
):
    small, large = small_and_large
    client.get(small.get_absolute_url())  # warm per-process caches
    small_count, small_html = queries_for(client, small.get_absolute_url())
    large_count, large_html = queries_for(client, large.get_absolute_url())
    assert small_count == large_count == PATIENT_QUERIES
    for html in (small_html, large_html):
        assert "Reviewed by" in html and "References" in html
        assert 'href="#ref-' in html
    assert large_html.count('<li id="ref-') == 1 + 2 * 3 * 2


def test_staff_preview_of_the_working_copy_is_constant_too(
    client, medical_editor, small_and_large
):
    small, large = small_and_large
    client.force_login(medical_editor)
    client.get(small.get_absolute_url())
    small_count, _ = queries_for(client, small.get_absolute_url())
    large_count, _ = queries_for(client, large.get_absolute_url())
    assert small_count == large_count


@pytest.mark.parametrize("path", ["/faq/", "/guides/", "/cancers/", "/"])
def test_list_pages_with_review_lines_stay_constant(client, path):
    """Each FAQ answer shows its own review line, by several reviewers."""
    reviewers = [ReviewerFactory(), ReviewerFactory()]

    def add_content():
        approve(FaqEntryFactory(), reviewers=reviewers)
        approve(GuideFactory(featured=True), CancerIndicationFactory())

    def count():
        count, _ = queries_for(client, path)
        return count

    add_content()
    client.get(path)
    few = count()
    for _ in range(4):
        add_content()
    assert count() == few


def test_indication_page_is_constant(client):
    def page_queries(indication):
        count, _ = queries_for(client, indication.get_absolute_url())
        return count

    one, many = CancerIndicationFactory(), CancerIndicationFactory()
    for _ in range(6):
        many.guides.add(GuideFactory())
    one.guides.add(GuideFactory())
    approve_all()
    client.get(one.get_absolute_url())
    assert page_queries(one) == page_queries(many)


def test_reviewer_list_is_constant_with_retired_profiles(client, review_lead):
    """Retired profiles show whether a signature keeps them published (their
    review date is "overdue" only then) without a query per row."""
    client.force_login(review_lead)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/reviews/reviewer/").status_code == 200
        return len(queries)

    def retired():
        # Approved, so each row has a next review date to judge overdue.
        approve(ReviewerFactory(is_active=False))

    retired()
    few = count()
    for _ in range(5):
        retired()
    assert count() == few


def test_the_editors_since_the_last_approval_cost_one_query(
    django_assert_num_queries, django_user_model
):
    """Every approval asks who edited the version (four eyes): one query,
    however many versions wait since the last approval."""
    guide = GuideFactory()
    approve(guide)
    editors = [make_user(django_user_model, f"editor{n}") for n in range(3)]
    for editor in editors:
        guide.title += " again"
        guide.save()
        version = version_capture(obj=guide, user=editor)
    with django_assert_num_queries(1):
        found = version_editors(version)
    assert found == {editor.pk for editor in editors}
