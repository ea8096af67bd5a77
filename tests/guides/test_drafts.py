"""Drafts are hidden from the public and previewable by staff who may view them."""

import pytest

from tests.factories import CancerIndicationFactory, GuideFactory, approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_guide():
    return GuideFactory(status="draft", title="Work in progress guide")


def test_draft_guide_is_404_for_anonymous_visitors(client, draft_guide):
    assert client.get(draft_guide.get_absolute_url()).status_code == 404


def test_draft_guide_is_previewable_by_medical_editor(
    client, draft_guide, medical_editor
):
    client.force_login(medical_editor)
    response = client.get(draft_guide.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft preview" in html
    assert '<meta name="robots" content="noindex">' in html


def test_draft_guide_is_404_for_staff_without_view_permission(
    client, draft_guide, coordinator, staff_without_role
):
    for user in (coordinator, staff_without_role):
        client.force_login(user)
        assert client.get(draft_guide.get_absolute_url()).status_code == 404


def test_draft_guide_is_not_listed_in_the_library(client, draft_guide):
    published = GuideFactory(title="Published guide")
    approve(published, draft_guide)
    html = client.get("/guides/").content.decode()
    assert published.title in html
    assert draft_guide.title not in html


def test_published_guide_has_no_preview_banner(client):
    guide = GuideFactory()
    approve(guide)
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Draft preview" not in html


def test_draft_indication_is_404_for_public_and_200_for_editor(client, medical_editor):
    indication = CancerIndicationFactory(status="draft")
    assert client.get(indication.get_absolute_url()).status_code == 404
    client.force_login(medical_editor)
    assert client.get(indication.get_absolute_url()).status_code == 200


def test_unknown_guide_is_404(client):
    assert client.get("/guides/no-such-guide/").status_code == 404
