"""Renditions: the resized, re-encoded copies patients download.

Made by ``images.tasks.renditions_make`` after an approval, never in a patient's
request. Each width comes in AVIF (when this Pillow can write it), WebP and a
fallback every browser reads (JPEG, or PNG for a picture with transparency),
plus one 1200×630 JPEG for link previews (``og:image``), cropped around the
focal point. A name carries a digest of its bytes, so it can be cached for a
year: new bytes always get a new name.
"""

import hashlib
import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image as PillowImage
from PIL import ImageOps, features

from .models import ImageFile, Rendition
from .storage import public_image_storage

Format = Rendition.Format
Crop = Rendition.Crop
SHARE_SIZE = (1200, 630)
PILLOW_NAMES = {Format.AVIF: "AVIF", Format.WEBP: "WEBP", Format.JPEG: "JPEG"}
PILLOW_NAMES[Format.PNG] = "PNG"
EXTENSIONS = {Format.AVIF: "avif", Format.WEBP: "webp", Format.JPEG: "jpg"}
EXTENSIONS[Format.PNG] = "png"


def modern_formats() -> list[str]:
    """The compact formats offered before the fallback, best first."""
    formats = []
    if settings.IMAGE_AVIF and features.check("avif"):
        formats.append(Format.AVIF)
    if features.check("webp"):
        formats.append(Format.WEBP)
    return formats


def fallback_format(image_file: ImageFile) -> str:
    return Format.PNG if image_file.has_alpha else Format.JPEG


def widths_for(image_file: ImageFile) -> list[int]:
    """The configured widths up to the picture's own (never enlarged), and
    the picture's own width when it is narrower than the largest."""
    configured = settings.IMAGE_RENDITION_WIDTHS
    widths = [w for w in configured if w < image_file.width]
    return [*widths, image_file.width] if len(widths) < len(configured) else widths


def share_size(image_file: ImageFile) -> tuple[int, int]:
    """1200×630, or the largest box of that shape inside a smaller picture."""
    width, height = SHARE_SIZE
    scale = min(1, image_file.width / width, image_file.height / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _encode(picture, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == Format.JPEG and picture.mode != "RGB":
        flat = PillowImage.new("RGB", picture.size, "white")
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    options = {
        Format.AVIF: {"quality": 60, "speed": 8},
        Format.WEBP: {"quality": 82, "method": 4},
        Format.JPEG: {"quality": 82, "optimize": True, "progressive": True},
        Format.PNG: {"optimize": True},
    }[fmt]
    # The picture was rebuilt from its pixels: there is no metadata to carry.
    picture.save(out, PILLOW_NAMES[fmt], **options)
    return out.getvalue()


def _store(image_file, picture, *, crop, fmt, width) -> Rendition:
    data = _encode(picture, fmt)
    digest = hashlib.sha256(data).hexdigest()[:12]
    name = f"r/{image_file.sha256[:16]}/{crop}-{width}.{digest}.{EXTENSIONS[fmt]}"
    storage = public_image_storage()
    if not storage.exists(name):
        storage.save(name, ContentFile(data))
    try:
        with transaction.atomic():
            rendition, _ = Rendition.objects.update_or_create(
                file=image_file,
                crop=crop,
                format=fmt,
                width=picture.width,
                defaults={"name": name, "height": picture.height},
            )
    except IntegrityError:  # another worker made the same one
        rendition = Rendition.objects.get(
            file=image_file, crop=crop, format=fmt, width=picture.width
        )
    return rendition


def renditions_make(image_file: ImageFile, *, focal=None) -> list[Rendition]:
    """Every rendition of ``image_file`` that is missing; the share card again
    when the focal point moved. Returns those made."""
    have = {
        (r.crop, r.format, r.width)
        for r in Rendition.objects.filter(file=image_file, crop=Crop.FIT)
    }
    made = []
    with (
        public_image_storage().open(image_file.name) as stored,
        PillowImage.open(stored, formats=[image_file.format]) as opened,
    ):
        master = opened.convert("RGBA" if image_file.has_alpha else "RGB")
    for width in widths_for(image_file):
        height = max(1, round(image_file.height * width / image_file.width))
        resized = None
        for fmt in [*modern_formats(), fallback_format(image_file)]:
            if (Crop.FIT, fmt, width) in have:
                continue
            if resized is None:
                resized = master.resize((width, height), PillowImage.LANCZOS)
            made.append(
                _store(image_file, resized, crop=Crop.FIT, fmt=fmt, width=width)
            )
    centre = focal if focal and None not in focal else (0.5, 0.5)
    card = ImageOps.fit(master, share_size(image_file), centering=centre)
    made.append(
        _store(image_file, card, crop=Crop.SHARE, fmt=Format.JPEG, width=card.width)
    )
    return made
