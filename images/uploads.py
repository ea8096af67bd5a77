"""Checking an uploaded picture and storing a clean copy of it.

The type is decided from the first bytes, never the name. JPEG, PNG and WebP
are opened by Pillow with only their own decoder, within a pixel limit
(``cancerfax.pillow_checks``, shared with the inquiry form). SVG is refused:
a sanitiser for it would have to understand scripts, event attributes, styles
with URLs, external references, foreign objects and entity tricks, all to
keep a format whose every diagram can be exported as a PNG.

The stored master is rebuilt from the decoded pixels alone (no EXIF, GPS,
comments, text chunks or XMP), turned upright as the camera said, in sRGB.
"""

import hashlib
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps

from cancerfax.pillow_checks import ImageDamaged, ImageTooLarge, open_checked

from .models import ImageFile
from .storage import public_image_storage

ACCEPTED = "JPEG, PNG or WebP"
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass
class CleanPicture:
    data: bytes
    format: str
    width: int
    height: int
    has_alpha: bool


def sniff_format(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text


def refuse(message, code):
    raise ValidationError(message, code=code)


def check_upload(upload) -> str:
    """The Pillow format of ``upload``, or ``ValidationError`` saying why not."""
    name = getattr(upload, "name", "") or "file"
    size = upload.size or 0
    if size > settings.IMAGE_MAX_FILE_SIZE:
        refuse(
            _("“%(name)s” is larger than %(limit)s.")
            % {"name": name, "limit": filesizeformat(settings.IMAGE_MAX_FILE_SIZE)},
            "image_file_too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    fmt = sniff_format(head)
    if fmt is None and looks_like_svg(head):
        refuse(
            _(
                "“%(name)s” is an SVG drawing. SVG files can carry scripts, so "
                "the library does not take them: export the drawing as a PNG "
                "(%(accepted)s are accepted)."
            )
            % {"name": name, "accepted": ACCEPTED},
            "image_svg",
        )
    if fmt is None:
        refuse(
            _("“%(name)s” is not a %(accepted)s picture.")
            % {"name": name, "accepted": ACCEPTED},
            "image_type",
        )
    try:
        open_checked(upload, fmt, max_pixels=settings.IMAGE_MAX_PIXELS)
    except ImageTooLarge:
        refuse(
            _(
                "“%(name)s” declares a picture too large to open safely (more "
                "than %(pixels)s million pixels). Please upload a smaller copy."
            )
            % {"name": name, "pixels": settings.IMAGE_MAX_PIXELS // 1_000_000},
            "image_too_large",
        )
    except ImageDamaged:
        refuse(
            _("“%(name)s” looks like a %(format)s picture but cannot be read.")
            % {"name": name, "format": fmt},
            "image_damaged",
        )
    return fmt


def _srgb(image, profile):
    if not profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        target = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, target, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: the pixels as they are


def clean_picture(upload, fmt: str) -> CleanPicture:
    """The picture's pixels only, upright and in sRGB, encoded afresh."""
    upload.seek(0)
    with Image.open(upload, formats=[fmt]) as opened:
        upright = ImageOps.exif_transpose(opened)
        has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
            upright.mode == "P" and "transparency" in upright.info
        )
        mode = "RGBA" if has_alpha else "RGB"
        converted = _srgb(upright.convert(mode), opened.info.get("icc_profile"))
        # A new image from the pixels alone: nothing of ``info`` (EXIF, XMP,
        # comments, text chunks, the ICC profile) can travel with it.
        pixels = Image.frombytes(mode, converted.size, converted.tobytes())
    out = io.BytesIO()
    if fmt == "JPEG" and not has_alpha:
        pixels.save(out, "JPEG", quality=92, optimize=True)
    elif fmt == "WEBP":
        pixels.save(out, "WEBP", quality=92, method=4)
    else:
        fmt = "PNG"
        pixels.save(out, "PNG", optimize=True)
    return CleanPicture(out.getvalue(), fmt, *pixels.size, has_alpha)


def image_file_store(upload) -> ImageFile:
    """Check ``upload``, store its clean copy once, return its ``ImageFile``."""
    fmt = check_upload(upload)
    picture = clean_picture(upload, fmt)
    digest = hashlib.sha256(picture.data).hexdigest()
    existing = ImageFile.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing
    storage = public_image_storage()
    name = f"library/{digest[:2]}/{digest}.{EXTENSIONS[picture.format]}"
    if not storage.exists(name):
        storage.save(name, ContentFile(picture.data))
    try:
        with transaction.atomic():
            return ImageFile.objects.create(
                sha256=digest,
                name=name,
                format=picture.format,
                width=picture.width,
                height=picture.height,
                size=len(picture.data),
                has_alpha=picture.has_alpha,
            )
    except IntegrityError:  # the same picture, uploaded at the same moment
        return ImageFile.objects.get(sha256=digest)
