"""Who reaches the image library and its previews: a role-by-URL matrix; and
the editor's upload through the admin, refused or cleaned."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from tests.content_factories import ImageFactory, picture_bytes

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "staff_without_role", "coordinator", "medical_editor",
    "medical_reviewer", "review_lead", "superuser",
]  # fmt: skip
CAN_READ = {"medical_editor", "medical_reviewer", "review_lead", "superuser"}
CAN_WRITE = {"medical_editor", "superuser"}


def status_for(role, allowed, *, refused=403):
    if role == "anonymous":
        return 302
    return 200 if role in allowed else refused


@pytest.fixture(scope="module")
def image(module_db):
    return ImageFactory()


def urls(image):
    return {
        "list": (reverse("admin:images_image_changelist"), CAN_READ),
        "add": (reverse("admin:images_image_add"), CAN_WRITE),
        "change": (reverse("admin:images_image_change", args=[image.pk]), CAN_READ),
        "delete": (reverse("admin:images_image_delete", args=[image.pk]), CAN_WRITE),
        "history": (reverse("admin:images_image_history", args=[image.pk]), CAN_READ),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["list", "add", "change", "delete", "history"])
def test_admin_pages_by_role(client, request, image, role, name):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    url, allowed = urls(image)[name]
    assert client.get(url).status_code == status_for(role, allowed)


@pytest.mark.parametrize("role", ROLES)
def test_the_staff_preview_by_role(client, request, image, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("images:preview", args=[image.file_id]))
    assert response.status_code == (200 if role in CAN_READ else 403)
    if response.status_code == 200:
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ["medical_reviewer", "review_lead"])
def test_readers_cannot_change_an_image(client, request, image, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("admin:images_image_change", args=[image.pk])
    response = client.post(url, {"title": "Changed", "alt_text": "x"})
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.title != "Changed"


def post_new(client, upload, **fields):
    data = {
        "title": "Cell path",
        "alt_text": "Blood is taken, cells grow, then go back.",
        "upload": upload,
        **fields,
    }
    return client.post(reverse("admin:images_image_add"), data)


def test_the_editor_uploads_an_image(client, medical_editor):
    client.force_login(medical_editor)
    response = post_new(client, SimpleUploadedFile("a.png", picture_bytes()))
    assert response.status_code == 302
    assert Image.objects.get(title="Cell path").file.width == 640


def test_an_svg_upload_is_refused_with_its_reason(client, medical_editor):
    client.force_login(medical_editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
    response = post_new(client, SimpleUploadedFile("a.svg", svg))
    assert response.status_code == 200
    assert "SVG" in response.content.decode()
    assert not Image.objects.filter(title="Cell path").exists()


def test_alt_text_is_required_unless_decorative_with_a_reason(client, medical_editor):
    client.force_login(medical_editor)
    picture = picture_bytes()
    response = post_new(client, SimpleUploadedFile("a.png", picture), alt_text="")
    assert "Describe the picture" in response.content.decode()
    response = post_new(
        client, SimpleUploadedFile("a.png", picture), alt_text="", decorative="on"
    )
    assert "Say why the picture adds no information" in response.content.decode()
    response = post_new(
        client,
        SimpleUploadedFile("a.png", picture),
        alt_text="",
        decorative="on",
        decorative_reason="A border pattern.",
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("field", "model"), [("lead_image", "guide"), ("image", "section")]
)
def test_the_guide_editor_searches_the_library(client, medical_editor, field, model):
    ImageFactory(title="NKG2D diagram", alt_text="A receptor meets its target.")
    ImageFactory(title="Blood sample", alt_text="A tube of blood.")
    client.force_login(medical_editor)
    query = {
        "app_label": "guides", "model_name": model, "field_name": field,
        "term": "receptor",
    }  # fmt: skip
    results = client.get("/admin/autocomplete/", query).json()["results"]
    assert [r["text"] for r in results] == ["NKG2D diagram"]


def test_the_search_is_refused_to_a_coordinator(client, coordinator):
    client.force_login(coordinator)
    query = {"app_label": "guides", "model_name": "guide", "field_name": "lead_image"}
    assert client.get("/admin/autocomplete/", query).status_code == 403
