"""Public pictures and medical records never share a storage, and no address
under /images/ can reach a record."""

import pytest
from django.core.files.base import ContentFile

from images.checks import storage_separation
from images.models import Rendition
from images.storage import public_image_storage
from inquiries.files import private_storage
from tests.content_factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record_name():
    storage = private_storage()
    name = storage.save("records/scan.jpg", ContentFile(b"\xff\xd8\xff private"))
    yield name
    storage.delete(name)


def test_a_record_cannot_be_served_from_the_public_image_path(client, record_name):
    assert client.get(f"/images/{record_name}").status_code == 404
    # Even a rendition row naming the record's path reads the public storage
    # only, where no such file is.
    Rendition.objects.create(
        file=ImageFactory().file, format="jpeg", width=1, height=1, name=record_name
    )
    assert client.get(f"/images/{record_name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "../private/records/scan.jpg",
        "..%2Fprivate%2Frecords%2Fscan.jpg",
        "%2e%2e/%2e%2e/private/records/scan.jpg",
        "library/",
    ],
)
def test_no_typed_path_leaves_the_rendition_table(client, record_name, path):
    assert client.get(f"/images/{path}").status_code == 404


def test_the_cleaned_original_is_not_public(client):
    image = ImageFactory()
    assert client.get(f"/images/{image.file.name}").status_code == 404
    assert client.get(f"/images/preview/{image.file_id}/").status_code in (302, 403)


def test_the_two_storages_have_different_roots(settings):
    images, records = public_image_storage(), private_storage()
    assert images.location != records.location
    with pytest.raises(NotImplementedError):
        records.url("records/scan.jpg")
    assert images.url("r/x.jpg") == "/images/r/x.jpg"


def test_a_picture_folder_inside_the_records_folder_is_refused(settings, tmp_path):
    settings.INQUIRY_PRIVATE_ROOT = tmp_path / "private"
    settings.IMAGE_ROOT = tmp_path / "private" / "images"
    assert [e.id for e in storage_separation()] == ["images.E002"]
    settings.IMAGE_ROOT = tmp_path / "public-images"
    assert storage_separation() == []


def test_one_bucket_with_overlapping_prefixes_is_refused(settings):
    settings.INQUIRY_S3_BUCKET = settings.IMAGE_S3_BUCKET = "cancerfax"
    settings.INQUIRY_S3_PREFIX = "medical-records"
    settings.IMAGE_S3_PREFIX = "medical-records/public"
    assert [e.id for e in storage_separation()] == ["images.E001"]
    settings.IMAGE_S3_PREFIX = "public-images"
    assert storage_separation() == []


def test_pictures_on_s3_are_public_read_under_their_own_prefix(settings):
    settings.IMAGE_S3_BUCKET = "cancerfax-public"
    storage = public_image_storage()
    assert storage.default_acl == "public-read"
    assert storage.location == "public-images"
    assert storage.bucket_name != settings.INQUIRY_S3_BUCKET
