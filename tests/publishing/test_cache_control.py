"""Stored pages say how long caches may keep them: by default nobody keeps one
without asking again; configured, a shared cache keeps it (and is purged)."""

import pytest

from publishing import middleware
from publishing.cache_control import cache_control
from publishing.models import StoredPage
from tests.factories import SectionFactory, approve

pytestmark = pytest.mark.django_db

EDGE = (
    "public, max-age=60, s-maxage=86400, stale-while-revalidate=30, "
    "stale-if-error=604800"
)


@pytest.fixture
def edge_caching(settings):
    settings.EDGE_CACHE_MAX_AGE = 60
    settings.EDGE_CACHE_S_MAXAGE = 86400
    settings.EDGE_CACHE_STALE_WHILE_REVALIDATE = 30
    settings.EDGE_CACHE_STALE_IF_ERROR = 604800


@pytest.fixture
def guide_path():
    guide = SectionFactory().guide
    approve(guide)
    return guide.get_absolute_url()


def test_by_default_caches_must_ask_again_every_time(client, guide_path):
    assert client.get(guide_path)["Cache-Control"] == "public, no-cache"
    assert client.get(guide_path)["Cache-Control"] == "public, no-cache"


def test_configured_a_stored_page_may_be_kept_by_shared_caches(
    client, guide_path, edge_caching
):
    miss = client.get(guide_path)
    hit = client.get(guide_path)
    assert miss["Cache-Control"] == hit["Cache-Control"] == EDGE
    not_modified = client.get(guide_path, HTTP_IF_NONE_MATCH=hit["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["Cache-Control"] == EDGE


@pytest.mark.parametrize(
    ("numbers", "header"),
    [
        ((0, 0, 30, 600), "public, no-cache"),
        ((0, 3600, 0, 0), "public, max-age=0, s-maxage=3600"),
        ((300, 0, 0, 600), "public, max-age=300, stale-if-error=600"),
    ],
)
def test_the_header_names_only_what_is_set(settings, numbers, header):
    (
        settings.EDGE_CACHE_MAX_AGE,
        settings.EDGE_CACHE_S_MAXAGE,
        settings.EDGE_CACHE_STALE_WHILE_REVALIDATE,
        settings.EDGE_CACHE_STALE_IF_ERROR,
    ) = numbers
    assert cache_control() == header


def test_a_page_rendered_across_a_change_is_not_stored_nor_kept_by_caches(
    client, guide_path, edge_caching, monkeypatch
):
    # The render began before the latest change: the generation it noted is old.
    monkeypatch.setattr(middleware, "generation", lambda: -1)
    response = client.get(guide_path)
    assert response.status_code == 200
    assert not StoredPage.objects.filter(path=guide_path).exists()
    assert response["Cache-Control"] == "public, no-cache"


def test_pages_that_are_never_stored_are_not_given_the_edge_header(
    client, medical_editor, guide_path, edge_caching
):
    client.force_login(medical_editor)
    assert "s-maxage" not in client.get(guide_path).get("Cache-Control", "")
    assert "s-maxage" not in client.get("/inquire/").get("Cache-Control", "")
