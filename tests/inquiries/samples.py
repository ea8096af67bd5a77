"""Real, small file contents and helpers shared by the inquiry tests."""

import io
import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PATIENT_NAME = "Zebulon Quixote-Marchetti"


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def image_bytes(fmt, size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, color=0).save(buffer, fmt)
    return buffer.getvalue()


def dicom_element(group, element, vr, value):
    return (
        struct.pack("<HH", group, element) + vr + struct.pack("<H", len(value)) + value
    )


def pdf_with(body: bytes) -> bytes:
    return b"%PDF-1.7\n" + body + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
