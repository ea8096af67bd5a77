"""Uploads: only real JPEG, PNG and WebP pictures, stored without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from images.storage import public_image_storage
from images.uploads import check_upload, image_file_store
from tests.content_factories import picture_bytes

pytestmark = pytest.mark.django_db


def upload(data, name="picture.bin"):
    return SimpleUploadedFile(name, data)


def refusal(data, name="picture.bin"):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(data, name))
    return caught.value


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_each_accepted_format_passes_the_check(fmt):
    assert check_upload(upload(picture_bytes(fmt=fmt))) == fmt


def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    bomb = picture_bytes(size=(2000, 2000))  # 4 Mpx declared, tiny on disk
    error = refusal(bomb, "bomb.png")
    assert error.code == "image_too_large"
    assert "bomb.png" in error.messages[0]


def test_pillows_own_bomb_error_is_refused_too(settings, monkeypatch):
    # Above Pillow's own hard limit, Image.open raises DecompressionBombError,
    # which is not an OSError.
    settings.IMAGE_MAX_PIXELS = 10**12
    monkeypatch.setattr(PillowImage, "MAX_IMAGE_PIXELS", 100_000)
    assert refusal(picture_bytes(size=(1000, 1000))).code == "image_too_large"


def test_a_file_of_another_type_is_refused_naming_the_accepted_formats():
    error = refusal(b"%PDF-1.7\n" + b"x" * 100, "report.pdf")
    assert error.code == "image_type"
    assert "JPEG, PNG or WebP" in error.messages[0]


def test_a_gif_is_refused():
    assert refusal(picture_bytes(fmt="GIF"), "anim.gif").code == "image_type"


def test_a_script_bearing_svg_is_refused():
    svg = (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
        b'onload="alert(1)"><script>alert(1)</script></svg>'
    )
    error = refusal(svg, "diagram.svg")
    assert error.code == "image_svg"
    assert "PNG" in error.messages[0]


def test_an_svg_without_a_declaration_is_refused_as_svg_too():
    assert refusal(b"  <svg><circle r='4'/></svg>", "x.png").code == "image_svg"


def test_a_damaged_picture_is_refused_by_name():
    broken = picture_bytes(fmt="PNG")[:60]
    error = refusal(broken, "broken.png")
    assert error.code == "image_damaged"
    assert "broken.png" in error.messages[0]


def test_a_stored_copy_keeps_no_exif_gps_or_comment():
    exif = PillowImage.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif.get_ifd(0x8825)[1] = "N"  # GPS latitude reference
    data = picture_bytes(fmt="JPEG", exif=exif.tobytes(), comment=b"secret note")
    with PillowImage.open(io.BytesIO(data)) as original:
        assert original.getexif()  # the upload did carry it
    stored = image_file_store(upload(data, "photo.jpg"))
    with public_image_storage().open(stored.name) as handle:
        clean = handle.read()
    with PillowImage.open(io.BytesIO(clean)) as picture:
        assert not picture.getexif()
        assert "comment" not in picture.info and "exif" not in picture.info
    assert b"CameraMaker" not in clean and b"secret note" not in clean


def test_the_same_picture_uploaded_twice_is_stored_once():
    data = picture_bytes()
    assert image_file_store(upload(data)).pk == image_file_store(upload(data)).pk
