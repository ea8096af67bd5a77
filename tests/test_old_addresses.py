"""A slug change leaves a permanent redirect from every old address, no chains."""

import pytest

from cancerfax.models import OldAddress
from tests.content_factories import TrustPageFactory
from tests.factories import CancerIndicationFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()


def test_the_old_slug_answers_301_to_the_new_address(client):
    guide = SectionFactory().guide
    approve(guide)
    old = guide.get_absolute_url()
    rename(guide, "a-better-name")
    response = client.get(old + "?from=email")
    assert response.status_code == 301
    assert response["Location"] == "/guides/a-better-name/?from=email"
    assert client.get("/guides/a-better-name/").status_code == 200


def test_every_old_address_points_straight_at_the_current_one(client):
    guide = SectionFactory(guide__slug="first").guide
    approve(guide)
    rename(guide, "second")
    rename(guide, "third")
    for old in ("/guides/first/", "/guides/second/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, "/guides/third/")


def test_going_back_to_an_old_slug_removes_its_redirect(client):
    guide = SectionFactory(guide__slug="original").guide
    approve(guide)
    rename(guide, "renamed")
    rename(guide, "original")
    assert client.get("/guides/original/").status_code == 200
    assert client.get("/guides/renamed/")["Location"] == "/guides/original/"
    assert not OldAddress.objects.filter(path="/guides/original/").exists()


@pytest.mark.parametrize("factory", [CancerIndicationFactory, TrustPageFactory])
def test_cancer_types_and_about_pages_keep_their_old_addresses(client, factory):
    page = factory()
    approve(page)
    old = page.get_absolute_url()
    rename(page, "moved")
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (
        301,
        page.get_absolute_url(),
    )


def test_an_unknown_address_stays_404(client):
    assert client.get("/guides/never-existed/").status_code == 404
