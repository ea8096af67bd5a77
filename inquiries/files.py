"""Medical record files: what they really are, whether they are safe, where they live.

The type is decided from the first bytes, never from the name or the browser's
Content-Type. Images are opened by Pillow with only the expected decoder. PDFs are
only sniffed here: ``inquiries.scanning`` parses them after the inquiry is stored,
off the request, and flags active content to the coordinator (never strips it).
"""

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cancerfax.pillow_checks import ImageDamaged, ImageTooLarge, open_checked

from .models import InquiryFile

Kind = InquiryFile.Kind

CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.JPEG: "image/jpeg",
    Kind.PNG: "image/png",
    Kind.DICOM: "application/dicom",
}
EXTENSIONS = {Kind.PDF: "pdf", Kind.JPEG: "jpg", Kind.PNG: "png", Kind.DICOM: "dcm"}
PILLOW_FORMATS = {Kind.JPEG: "JPEG", Kind.PNG: "PNG"}
HEAD_SIZE = 512


class PrivateStorage(FileSystemStorage):
    """Files with no URL: they are read only by the permission-checked view."""

    def url(self, name):
        raise NotImplementedError("Medical records have no public URL.")


def private_storage() -> PrivateStorage:
    # Built on each call so tests (and settings overrides) can move the root.
    if settings.INQUIRY_S3_BUCKET:
        from .storage import private_s3_storage  # boto3 only when configured

        return private_s3_storage()
    return PrivateStorage(
        location=settings.INQUIRY_PRIVATE_ROOT,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


class FileRejected(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class InspectedFile:
    kind: str
    size: int
    sha256: str
    original_name: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class CheckedUpload:
    """An uploaded file that passed ``inspect_upload``, with what was found."""

    file: object
    info: InspectedFile


def clean_filename(name: str) -> str:
    """The last path part of ``name`` without control or direction characters.

    Only ever displayed (escaped) to coordinators; storage uses random names.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Category C: control, format (bidi overrides, zero-width), surrogate, private.
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    return name[:120].strip() or "file"


def sniff_kind(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return Kind.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head[128:132] == b"DICM":
        return Kind.DICOM
    return None


def inspect_upload(upload) -> InspectedFile:
    """Check one uploaded file and describe it, or raise ``FileRejected``."""
    name = clean_filename(upload.name)
    size = upload.size or 0
    if size > settings.INQUIRY_MAX_FILE_SIZE:
        raise FileRejected(too_large_message(name), "file_too_large")
    if size == 0:
        raise FileRejected(
            _("“%(name)s” is empty. Please choose the file again.") % {"name": name},
            "file_empty",
        )
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    kind = sniff_kind(head)
    if kind is None:
        raise FileRejected(
            _(
                "“%(name)s” is not a PDF, JPEG, PNG or DICOM file. Please send "
                "your records in one of these formats (a photo or scan of a paper "
                "report is fine)."
            )
            % {"name": name},
            "file_type",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    found: list[str] = []
    if kind in PILLOW_FORMATS:
        verify_image(upload, kind, name)
    elif kind == Kind.DICOM:
        found = check_dicom(head, name)
    upload.seek(0)
    return InspectedFile(
        kind=kind,
        size=size,
        sha256=digest.hexdigest(),
        original_name=name,
        warnings=found,
    )


def too_large_message(name: str) -> str:
    return _(
        "“%(name)s” is larger than %(limit)s. Please send a smaller copy, or "
        "split it into several files."
    ) % {"name": name, "limit": filesizeformat(settings.INQUIRY_MAX_FILE_SIZE)}


def verify_image(upload, kind: str, name: str) -> None:
    fmt = PILLOW_FORMATS[kind]
    damaged = FileRejected(
        _("“%(name)s” looks like an image but cannot be read. Is it damaged?")
        % {"name": name},
        "file_damaged",
    )
    bomb = FileRejected(
        _(
            "“%(name)s” declares an image too large to open safely. Please send "
            "a smaller copy or a screenshot."
        )
        % {"name": name},
        "image_too_large",
    )
    try:
        # A JPEG is decoded at a reduced scale (cheap); a PNG of up to the
        # limit is only verified: decoding it would take gigabytes.
        open_checked(
            upload,
            fmt,
            max_pixels=settings.INQUIRY_MAX_IMAGE_PIXELS,
            decode="draft" if kind == Kind.JPEG else "none",
        )
    except ImageTooLarge:
        raise bomb from None
    except ImageDamaged:
        raise damaged from None


def check_dicom(head: bytes, name: str) -> list[str]:
    # The file meta group (0002) must follow the DICM magic.
    if head[132:134] != b"\x02\x00":
        raise FileRejected(
            _("“%(name)s” looks like DICOM but cannot be read. Is it damaged?")
            % {"name": name},
            "file_damaged",
        )
    preamble = head[:128]
    if preamble.strip(b"\x00 "):
        # A non-empty preamble can make the file also a valid executable or TIFF.
        return [_("DICOM preamble is not empty (could hide another file type)")]
    return []


def new_stored_name(kind: str) -> str:
    token = secrets.token_hex(16)
    return f"{token[:2]}/{token}.{EXTENSIONS[kind]}"


def store_upload(upload, kind: str) -> str:
    upload.seek(0)
    return private_storage().save(new_stored_name(kind), upload)


def delete_stored(names) -> None:
    storage = private_storage()
    for name in names:
        if name:
            storage.delete(name)


class LimitedUploadHandler(FileUploadHandler):
    """Skips files over the per-file limit, and every file of an oversize request.

    Installed first, before Django's own handlers, by the inquiry view. Skipped
    files never reach the disk; the view tells the sender which ones and why.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.skipped: list[str] = []
        self.request_too_large = False
        self.received = 0

    def handle_raw_input(
        self, input_data, META, content_length, boundary, encoding=None
    ):
        margin = 1024 * 1024  # the text fields and multipart headers
        limit = settings.INQUIRY_MAX_TOTAL_SIZE + margin
        self.request_too_large = content_length > limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        if self.request_too_large:
            self.skipped.append(clean_filename(self.file_name))
            raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.INQUIRY_MAX_FILE_SIZE:
            self.skipped.append(clean_filename(self.file_name))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def check_file_totals(*, count: int, size: int) -> None:
    """Refuse more files, or more bytes, than one inquiry may carry."""
    if count > settings.INQUIRY_MAX_FILES:
        raise ValidationError(
            _("You can attach at most %(limit)d files to one inquiry.")
            % {"limit": settings.INQUIRY_MAX_FILES},
            code="too_many_files",
        )
    if size > settings.INQUIRY_MAX_TOTAL_SIZE:
        raise ValidationError(
            _("Files together may be at most %(limit)s.")
            % {"limit": filesizeformat(settings.INQUIRY_MAX_TOTAL_SIZE)},
            code="files_too_large",
        )
