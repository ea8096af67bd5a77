"""The rich-text editor's picture picker (``images:library``): who may search
the library, what it offers (approved pictures only) and at what cost."""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from images.models import Rendition
from tests.content_factories import ImageFactory
from tests.factories import approve as approve_only

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "staff_without_role", "coordinator", "medical_editor",
    "medical_reviewer", "review_lead", "superuser",
]  # fmt: skip
CAN_SEARCH = {"medical_editor", "medical_reviewer", "review_lead", "superuser"}


def approve(*objects):
    """Approve, then run what waits for the commit (the renditions task)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve_only(*objects)


def search(client, q=""):
    response = client.get(reverse("images:library"), {"q": q})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return response.json()["results"]


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_who_may_see_the_library_can_search_it(client, request, role):
    approve(ImageFactory())
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("images:library"))
    assert response.status_code == (200 if role in CAN_SEARCH else 403)
    if role in CAN_SEARCH:
        assert len(response.json()["results"]) == 1


def test_a_choice_is_the_approved_rendition_with_the_approved_alt_text(
    client, medical_editor
):
    image = ImageFactory(alt_text="Cells are grown for two to three weeks.")
    approve(image)
    image.alt_text = "A new description waiting for review."
    image.save()
    client.force_login(medical_editor)
    [choice] = search(client)
    assert choice["id"] == image.pk
    assert choice["alt"] == "Cells are grown for two to three weeks."
    fallback = Rendition.objects.filter(file=image.file, crop="fit", format="jpeg")
    assert choice["src"] in {f"/images/{r.name}" for r in fallback}
    assert choice["thumbnail"] == f"/images/{fallback.order_by('width')[0].name}"


def test_a_decorative_picture_is_offered_with_an_empty_alt(client, medical_editor):
    approve(ImageFactory(decorative=True, alt_text="", decorative_reason="Border."))
    client.force_login(medical_editor)
    [choice] = search(client)
    assert choice["decorative"] is True and choice["alt"] == ""


def test_an_image_never_approved_is_not_offered(client, medical_editor):
    approve(ImageFactory(title="Approved diagram"))
    ImageFactory(title="Waiting diagram")
    client.force_login(medical_editor)
    assert [c["title"] for c in search(client)] == ["Approved diagram"]


def test_search_reads_the_title_and_the_alt_text(client, medical_editor):
    approve(
        ImageFactory(title="Blood draw", alt_text="A nurse takes blood."),
        ImageFactory(title="Receptor", alt_text="NKG2D attaches to MICA."),
    )
    client.force_login(medical_editor)
    assert [c["title"] for c in search(client, "blood")] == ["Blood draw"]
    assert [c["title"] for c in search(client, "mica")] == ["Receptor"]
    assert search(client, "no such picture") == []


def test_the_search_costs_the_same_queries_for_one_picture_or_five(
    client, medical_editor
):
    approve(ImageFactory())
    client.force_login(medical_editor)
    search(client)
    with CaptureQueriesContext(connection) as one:
        assert len(search(client)) == 1
    approve(*ImageFactory.create_batch(4))
    with CaptureQueriesContext(connection) as five:
        assert len(search(client)) == 5
    assert len(five) == len(one)
