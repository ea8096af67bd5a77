"""A guide page costs the same number of queries whatever its length, and
whatever the number of cancer types, questions and practical facts it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import Section, SectionItem
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FactFactory,
    FaqEntryFactory,
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
    approve_all,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]
Kind = Section.Kind


def build_guide(section_count):
    guide = GuideFactory()
    guide.related_guides.add(GuideFactory(), GuideFactory())
    # The first four kinds carry every kind of reference a page resolves.
    kinds = [
        Kind.INDICATIONS,
        Kind.FAQ,
        Kind.FACTS,
        Kind.RELATED_GUIDES,
        Kind.KEY_POINTS,
        Kind.RICH_TEXT,
        Kind.KEY_NUMBERS,
        Kind.BENEFITS_LIMITATIONS,
        Kind.CARD_GRID,
        Kind.CALL_TO_ACTION,
        Kind.PULL_QUOTE,
    ]
    for order in range(section_count):
        kind = kinds[order % len(kinds)]
        section = SectionFactory(guide=guide, order=order, kind=kind, quote="q")
        for _ in range(3):
            item = SectionItemFactory(
                section=section,
                indication=CancerIndicationFactory(),
                faq_entry=FaqEntryFactory(),
                # Facts only where shown: each is approved on its own.
                fact=FactFactory() if kind == Kind.FACTS else None,
                group=SectionItem.Group.BENEFIT,
                figure="1",
            )
            if kind == Kind.KEY_NUMBERS:
                item.citations.add(CitationFactory())
    approve_all()
    return guide


def count_queries(client, guide):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


@pytest.fixture(scope="module")
def guides(module_db, django_db_blocker):
    """A short guide and a long one (nearly every kind twice, three items each),
    built and approved once for the module."""
    assert module_db
    with django_db_blocker.unblock():
        return build_guide(4), build_guide(16)


def test_guide_page_queries_do_not_grow_with_sections(client, guides):
    small, large = guides
    client.get(small.get_absolute_url())  # warm per-process caches (content types)
    assert count_queries(client, small) == count_queries(client, large)


def test_guide_page_query_count_is_small(client, guides):
    # Content types are read once per process, whichever page comes first.
    client.get(guides[0].get_absolute_url())
    # 11: the guide has no lead image, so the page looks up the site's
    # default picture for og:image (one query; none with a lead image).
    assert count_queries(client, guides[1]) <= 11
