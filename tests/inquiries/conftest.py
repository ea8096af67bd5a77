"""Fixtures for the inquiry tests: real file bytes, a guide, a valid form."""

import io
import struct

import pytest
from PIL import Image

from guides.models import CancerIndication, Guide
from inquiries.consent import CURRENT_CONSENT_VERSION
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.services import inquiry_submit
from tests.browser.conftest import admin_login, axe_violations  # noqa: F401
from tests.factories import (
    CancerIndicationFactory,
    GuideFactory,
    TopicFactory,
    approve,
)

from .samples import PATIENT_NAME, dicom_element, image_bytes, upload


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Every test stores medical records in its own empty folder."""
    root = tmp_path / "private"
    settings.INQUIRY_PRIVATE_ROOT = root
    return root


@pytest.fixture(scope="session")
def pdf_bytes():
    return image_bytes("PDF")


@pytest.fixture(scope="session")
def jpeg_bytes():
    return image_bytes("JPEG")


@pytest.fixture(scope="session")
def png_bytes():
    return image_bytes("PNG")


@pytest.fixture(scope="session")
def dicom_bytes():
    """A small DICOM file: preamble, DICM, file meta group, one data element."""
    transfer_syntax = b"1.2.840.10008.1.2.1\x00"
    meta = dicom_element(0x0002, 0x0010, b"UI", transfer_syntax)
    length = dicom_element(0x0002, 0x0000, b"UL", struct.pack("<I", len(meta)))
    body = dicom_element(0x0010, 0x0010, b"PN", b"ANON^PATIENT")
    return b"\x00" * 128 + b"DICM" + length + meta + body


@pytest.fixture(scope="session")
def bomb_png():
    """A real decompression bomb: 400 megapixels of black in about 50 KB."""
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def approved_indication():
    indication = CancerIndicationFactory(name="Liver cancer", slug="liver-cancer")
    approve(indication)
    return indication


def approved_guide(indication):
    topic = TopicFactory(name="CIK therapy", slug="cik-therapy")
    guide = GuideFactory(title="What is CIK therapy?", slug="what-is-cik", topic=topic)
    indication.guides.add(guide)
    approve(guide)
    return guide


# An approval runs the whole review path (about 40 queries for a cancer type, 90
# for a guide): most modules build these once, in the module's transaction
# (``module_db``), and each test reads them afresh.


@pytest.fixture(scope="module")
def module_indication(module_db, django_db_blocker):
    if not module_db:
        return None
    with django_db_blocker.unblock():
        return approved_indication().pk


@pytest.fixture(scope="module")
def module_guide(module_db, module_indication, django_db_blocker):
    if not module_db:
        return None
    with django_db_blocker.unblock():
        return approved_guide(CancerIndication.objects.get(pk=module_indication)).pk


@pytest.fixture
def indication(db, module_indication):
    """An approved cancer type: the form offers only what patients may see."""
    if module_indication is None:
        return approved_indication()
    return CancerIndication.objects.get(pk=module_indication)


@pytest.fixture
def guide(db, indication, module_guide):
    if module_guide is None:
        return approved_guide(indication)
    return Guide.objects.get(pk=module_guide)


@pytest.fixture
def form_data(indication):
    """A complete, valid submission (as the browser posts it)."""
    return {
        "writer_role": "family",
        "patient_name": PATIENT_NAME,
        "email": "daughter@example.com",
        "phone": "+44 20 7946 0958",
        "country": "GB",
        "preferred_language": "en",
        "contact_method": "email",
        "cancer_type": str(indication.pk),
        "cancer_type_other": "",
        "diagnosis_month": "3",
        "diagnosis_year": "2024",
        "stage": "3",
        "treatments": ["surgery", "tace"],
        "treatments_other": "",
        "current_condition": "Tired but walking every day; tumour marker rising.",
        "questions": "Could CIK cells help after TACE?",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def submission_data(indication):
    """Cleaned data as ``inquiry_submit`` receives it from the form."""
    return submission_values(indication)


def submission_values(indication):
    return {
        "writer_role": "patient",
        "patient_name": PATIENT_NAME,
        "email": "patient@example.com",
        "phone": "+442079460958",
        "country": "GB",
        "preferred_language": "en",
        "contact_method": "email",
        "cancer_type": indication,
        "cancer_type_other": "",
        "diagnosis_year": 2024,
        "diagnosis_month": 3,
        "stage": "3",
        "treatments": ["surgery"],
        "treatments_other": "",
        "current_condition": "Stable after surgery.",
        "questions": "Is CIK an option?",
    }


@pytest.fixture
def make_inquiry(submission_data):
    counter = iter(range(1, 10_000))

    def make(checked_uploads=(), **overrides):
        data = {**submission_data, **overrides.pop("data", {})}
        return inquiry_submit(
            submission_key=f"test-key-{next(counter)}",
            data=data,
            consent_version=CURRENT_CONSENT_VERSION,
            checked_uploads=checked_uploads,
            **overrides,
        )

    return make


@pytest.fixture
def checked(pdf_bytes, png_bytes):
    """Two uploads that passed inspection, ready for ``inquiry_submit``."""
    files = [upload("report.pdf", pdf_bytes), upload("scan.png", png_bytes)]
    return [CheckedUpload(file=f, info=inspect_upload(f)) for f in files]
