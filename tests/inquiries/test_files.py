"""Files are judged by their bytes, stored under random names, and never trusted."""

import re

import pytest
from django.core.files.base import ContentFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inquiries.files import (
    FileRejected,
    clean_filename,
    inspect_upload,
    private_storage,
    store_upload,
)
from tests.conftest import examples

from .samples import image_bytes, pdf_with, stored_files, upload


@pytest.mark.parametrize(
    ("fixture", "name", "kind"),
    [
        ("pdf_bytes", "report.pdf", "pdf"),
        ("jpeg_bytes", "photo.jpg", "jpeg"),
        ("png_bytes", "scan.png", "png"),
        ("dicom_bytes", "IM000001", "dicom"),
    ],
)
def test_good_files_are_accepted_with_the_kind_their_bytes_show(
    request, fixture, name, kind
):
    content = request.getfixturevalue(fixture)
    info = inspect_upload(upload(name, content, "text/html"))
    assert info.kind == kind
    assert info.size == len(content)
    assert info.warnings == []
    assert len(info.sha256) == 64


def test_the_name_and_content_type_do_not_decide_the_kind(png_bytes):
    """A PNG called report.pdf and sent as application/pdf is a PNG."""
    info = inspect_upload(upload("report.pdf", png_bytes, "application/pdf"))
    assert info.kind == "png"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<!doctype html><html><script>alert(1)</script></html>"),
        ("scan.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("scan.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("notes.docx", b"PK\x03\x04" + b"\x00" * 100),
        ("run.exe", b"MZ\x90\x00" + b"\x00" * 200),
        ("image.gif", b"GIF89a" + b"\x00" * 50),
    ],
)
def test_other_types_are_refused_with_a_clear_message(name, content):
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload(name, content, "application/pdf"))
    assert refused.value.code == "file_type"
    assert "not a PDF, JPEG, PNG or DICOM file" in refused.value.message


def test_an_oversize_file_is_refused(settings, pdf_bytes):
    settings.INQUIRY_MAX_FILE_SIZE = len(pdf_bytes) - 1
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("big.pdf", pdf_bytes))
    assert refused.value.code == "file_too_large"


def test_an_empty_file_is_refused():
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("empty.pdf", b""))
    assert refused.value.code == "file_empty"


def test_a_decompression_bomb_is_refused_cleanly(bomb_png):
    assert len(bomb_png) < 200_000  # small on the wire, 400 megapixels inside
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("bomb.png", bomb_png))
    assert refused.value.code == "image_too_large"


def test_an_image_over_the_configured_pixel_limit_is_refused(settings, png_bytes):
    settings.INQUIRY_MAX_IMAGE_PIXELS = 100
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("scan.png", png_bytes))
    assert refused.value.code == "image_too_large"


@pytest.mark.parametrize("fixture", ["png_bytes", "jpeg_bytes"])
def test_a_damaged_image_is_refused(request, fixture):
    content = request.getfixturevalue(fixture)
    damaged = content[: len(content) // 2]
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("scan", damaged))
    assert refused.value.code == "file_damaged"


def test_a_truncated_dicom_is_refused(dicom_bytes):
    with pytest.raises(FileRejected):
        inspect_upload(upload("IM1", dicom_bytes[:132] + b"\xff\xff"))


def test_a_dicom_with_a_filled_preamble_is_flagged(dicom_bytes):
    polyglot = b"MZ" + b"\x90" * 126 + dicom_bytes[128:]
    info = inspect_upload(upload("IM1", polyglot))
    assert info.kind == "dicom"
    assert "preamble" in info.warnings[0]


def test_a_pdf_is_only_sniffed_during_the_request():
    """Active content is found after the inquiry is stored (test_scanning.py):
    the request never parses a PDF, so no PDF can hold a worker."""
    hostile = pdf_with(b"1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >>")
    info = inspect_upload(upload("report.pdf", hostile))
    assert info.kind == "pdf"
    assert info.warnings == []


def test_a_10000_by_10000_png_is_accepted_as_the_docs_promise():
    """100 megapixels is the documented limit; Pillow's own warning starts lower."""
    content = image_bytes("PNG", (10_000, 10_000), "1")
    info = inspect_upload(upload("big-scan.png", content))
    assert info.kind == "png"


def test_one_pixel_over_the_limit_is_refused(settings):
    settings.INQUIRY_MAX_IMAGE_PIXELS = 10_000 * 10_000 - 1
    content = image_bytes("PNG", (10_000, 10_000), "1")
    with pytest.raises(FileRejected) as refused:
        inspect_upload(upload("big-scan.png", content))
    assert refused.value.code == "image_too_large"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
        ("/absolute/path/scan.png", "scan.png"),
        ("..", "file"),
        ("", "file"),
        ("report\u202egnp.exe", "reportgnp.exe"),
        ("a\x00b\nc.pdf", "abc.pdf"),
    ],
)
def test_traversal_and_control_characters_leave_a_harmless_name(name, expected):
    assert clean_filename(name) == expected


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=300))
def test_any_file_name_cleans_to_a_single_safe_part(name):
    cleaned = clean_filename(name)
    assert cleaned
    assert len(cleaned) <= 120
    assert "/" not in cleaned and "\\" not in cleaned
    assert cleaned not in {".", ".."}
    assert all(ch.isprintable() for ch in cleaned)


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(min_size=1, max_size=200))
def test_a_hostile_name_never_decides_where_the_file_is_stored(name):
    """Whatever the browser calls the file, it lands inside the private root
    under a random name."""
    root = private_storage().base_location
    stored = store_upload(ContentFile(b"%PDF-1.4", name=name), "pdf")
    path = private_storage().path(stored)
    assert path.startswith(str(root))
    assert re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{32}\.pdf", stored)
    private_storage().delete(stored)


def test_stored_files_have_random_names_and_private_permissions(private_root):
    first = store_upload(upload("report.pdf", b"%PDF-1.4 one"), "pdf")
    second = store_upload(upload("report.pdf", b"%PDF-1.4 two"), "pdf")
    assert first != second
    assert "report" not in first
    files = stored_files(private_root)
    assert len(files) == 2
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in files)


def test_private_storage_has_no_url():
    with pytest.raises(NotImplementedError):
        private_storage().url("ab/cd.pdf")


def test_the_default_private_root_is_outside_the_public_media_folder():
    from cancerfax.settings import base

    assert base.MEDIA_ROOT not in base.INQUIRY_PRIVATE_ROOT.parents
    assert base.INQUIRY_PRIVATE_ROOT != base.MEDIA_ROOT


def test_a_big_rgba_png_is_accepted():
    info = inspect_upload(upload("big.png", image_bytes("PNG", (2000, 1500), "RGBA")))
    assert info.kind == "png"
