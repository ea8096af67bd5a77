"""The FAQ page groups questions by topic, with anchors, at a fixed query cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.selectors import Visible
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    GuideFactory,
    TopicFactory,
    approve_all,
)
from topics.selectors import TopicGroup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]


def test_questions_are_grouped_by_topic_with_anchor_links(client):
    access = TopicFactory(name="Access and costs", slug="access", order=2)
    therapy = TopicFactory(name="CIK cell therapy", slug="cik", order=1)
    FaqEntryFactory(topic=access, question="Is it insured?", slug="insured")
    FaqEntryFactory(topic=therapy, question="Is it immunotherapy?", slug="immuno")
    approve_all()
    html = client.get("/faq/").content.decode()
    assert html.index("CIK cell therapy") < html.index("Access and costs")
    assert html.index("Is it immunotherapy?") < html.index("Is it insured?")
    assert '<a href="#insured">Is it insured?</a>' in html
    assert 'id="insured"' in html
    assert '<a href="#topic-access">Access and costs</a>' in html


def test_draft_questions_are_not_shown(client):
    FaqEntryFactory(question="Not yet reviewed?", status="draft")
    assert "Not yet reviewed?" not in client.get("/faq/").content.decode()


@pytest.mark.parametrize("path", ["/", "/guides/", "/cancers/", "/faq/"])
def test_list_pages_do_not_grow_queries_with_content(client, path):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        return len(queries), len(response.content)

    FaqEntryFactory(), GuideFactory(featured=True), CancerIndicationFactory()
    approve_all()
    client.get(path)
    few_queries, few_bytes = count()
    for _ in range(4):
        FaqEntryFactory(topic=TopicFactory())
        GuideFactory(featured=True)
        CancerIndicationFactory()
    approve_all()
    many_queries, many_bytes = count()
    assert many_queries == few_queries
    assert many_bytes > few_bytes  # the new content is on the page


def test_a_topic_named_other_and_the_group_without_a_topic_get_two_anchors():
    other = TopicFactory(name="Other", slug="other")
    named = TopicGroup(topic=Visible(other, None), items=[])
    assert named.anchor != TopicGroup(topic=None, items=[]).anchor
