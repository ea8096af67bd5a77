"""Pictures as pages show them: approved versions and their renditions.

``pictures_in_bulk`` costs two queries however many pictures a page shows: the
approved versions (``reviews.selectors.visible_in_bulk``, which also notes the
page's dependency on each image, so its approval replaces the page) and every
rendition of their files.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models

from publishing.dependencies import record as record_dependency
from reviews.models import ContentVersion
from reviews.registry import reviewed_type_for
from reviews.selectors import (
    approved_content,
    visible_in_bulk,
    visible_queryset,
    with_approved_snapshot,
)

from .models import Image, Rendition
from .renditions import modern_formats
from .storage import public_image_storage


@dataclass(frozen=True)
class Picture:
    """What ``{% picture %}`` renders: a ``<picture>`` with width and height."""

    alt: str
    width: int
    height: int
    src: str
    srcset: str = ""
    # (MIME type, srcset) of each compact format, best first.
    sources: tuple = ()
    caption: str = ""
    credit: str = ""
    share_url: str = ""
    share_size: tuple = field(default=(0, 0))
    # Of the alt text, caption and credit (``Visible.language``).
    language: str = ""


def _srcset(renditions, storage):
    return ", ".join(f"{storage.url(r.name)} {r.width}w" for r in renditions)


def picture_of(content, renditions, storage, *, language="") -> Picture | None:
    """A ``Picture`` from an image's snapshot and its file's renditions, or
    ``None`` while they are still being made (the page shows no picture yet)."""
    fit = defaultdict(list)
    share = None
    for rendition in renditions:
        if rendition.crop == Rendition.Crop.SHARE:
            share = rendition
        else:
            fit[rendition.format].append(rendition)
    fallback = fit.get(Rendition.Format.JPEG) or fit.get(Rendition.Format.PNG)
    if not fallback:
        return None
    fallback.sort(key=lambda r: r.width)
    largest = fallback[-1]
    sources = tuple(
        (f"image/{fmt}", _srcset(sorted(fit[fmt], key=lambda r: r.width), storage))
        for fmt in modern_formats()
        if fit.get(fmt)
    )
    return Picture(
        alt=content.alt,
        width=largest.width,
        height=largest.height,
        src=storage.url(fallback[min(1, len(fallback) - 1)].name),
        srcset=_srcset(fallback, storage),
        sources=sources,
        caption=content.caption,
        credit=content.credit,
        share_url=storage.url(share.name) if share else "",
        share_size=(share.width, share.height) if share else (0, 0),
        language=language,
    )


def preview_picture(content) -> Picture:
    """A staff preview's picture: the cleaned file itself, through the
    staff-only preview address (no renditions exist before approval)."""
    from django.urls import reverse

    return Picture(
        alt=content.alt,
        width=content.width,
        height=content.height,
        src=reverse("images:preview", kwargs={"pk": content.file_id}),
        caption=content.caption,
        credit=content.credit,
    )


def pictures_in_bulk(ids, lookup=visible_in_bulk) -> dict:
    """``{image id: Picture}`` for those of ``ids`` patients may see (approved,
    with renditions made). ``lookup`` is ``working_in_bulk`` in a staff preview."""
    images = lookup(Image, set(ids) - {None})
    if not images:
        return {}
    if lookup is not visible_in_bulk:
        return {pk: preview_picture(image.content) for pk, image in images.items()}
    by_file = defaultdict(list)
    for rendition in Rendition.objects.filter(
        file_id__in={image.content.file_id for image in images.values()}
    ).only("file_id", "crop", "format", "width", "height", "name"):
        by_file[rendition.file_id].append(rendition)
    storage = public_image_storage()
    pictures = {}
    for pk, image in images.items():
        picture = picture_of(
            image.content,
            by_file[image.content.file_id],
            storage,
            language=image.language,
        )
        if picture is not None:
            pictures[pk] = picture
    return pictures


def site_default_picture() -> Picture | None:
    """The reviewed picture shown when a page without one of its own is shared.

    One query for the chosen image with its approved version, one more for its
    renditions when it has one.
    """
    content_type_id = reviewed_type_for(Image).content_type.pk
    chosen = (
        with_approved_snapshot(Image.objects.filter(site_default=True))
        .order_by()
        .first()
    )
    if chosen is None:
        # Choosing one later must replace the pages stored without it.
        record_dependency(content_type_id)
        return None
    record_dependency(content_type_id, chosen.pk)
    content = approved_content(chosen)
    if content is None:
        return None
    renditions = Rendition.objects.filter(file_id=content.file_id)
    return picture_of(content, list(renditions), public_image_storage())


def absolute(url: str) -> str:
    if url.startswith(("https://", "http://")):
        return url
    return settings.SITE_URL.rstrip("/") + url


RENDITION_NAME = re.compile(
    r"r/[0-9a-f]{16}/fit-\d+\.[0-9a-f]{12}\.(avif|webp|jpg|png)"
)


def is_rendition_address(src: str) -> bool:
    """Whether ``src`` is the address of a rendition of the library (rich text
    may show those and nothing else): the storage's own address of a name
    the ``Rendition`` table holds, made only after an approval."""
    base = public_image_storage().url("")
    if not src.startswith(base):
        return False
    name = src[len(base) :]
    if not RENDITION_NAME.fullmatch(name):
        return False
    return Rendition.objects.filter(name=name).exists()


def _fallbacks(renditions):
    return sorted(
        (
            r
            for r in renditions
            if r.crop == Rendition.Crop.FIT
            and r.format in (Rendition.Format.JPEG, Rendition.Format.PNG)
        ),
        key=lambda r: r.width,
    )


def library_choices(query: str = "", *, limit: int = 24) -> list[dict]:
    """The pictures the rich-text editor may insert: images with an approved
    version and its renditions made, searched by title or alt text.

    Two queries however many match. What is offered is the approved picture
    and alt text (a working copy waiting for review is not), as the editor's
    JSON: ``src`` is the rendition the rich text stores, ``thumbnail`` the
    smallest one.
    """
    images = Image.objects.all()
    query = query.strip()
    if query:
        images = images.filter(
            models.Q(title__icontains=query) | models.Q(alt_text__icontains=query)
        )
    rows = list(visible_queryset(images).order_by("title", "pk")[:limit])
    contents = {row.pk: approved_content(row) for row in rows}
    by_file = defaultdict(list)
    for rendition in Rendition.objects.filter(
        file_id__in={content.file_id for content in contents.values()}
    ).only("file_id", "crop", "format", "width", "height", "name"):
        by_file[rendition.file_id].append(rendition)
    storage = public_image_storage()
    choices = []
    for row in rows:
        content = contents[row.pk]
        renditions = by_file[content.file_id]
        picture = picture_of(content, renditions, storage)
        if picture is None:
            continue
        choices.append(
            {
                "id": row.pk,
                "title": content.title,
                "alt": picture.alt,
                "decorative": content.decorative,
                "src": picture.src,
                "thumbnail": storage.url(_fallbacks(renditions)[0].name),
            }
        )
    return choices


def rich_text_pictures(srcs) -> dict[str, Picture]:
    """``{src: Picture}`` for the library pictures rich text shows at ``srcs``.

    Rich text stores a rendition's address, which names a file, not an image.
    The image is the one whose versions showed that file; the page then shows
    that image's approved picture and alt text as they are now (like a figure
    section, which points at an image by id). A file no image patients may see
    shows, or an image no longer approved, is left out. Four queries, only for
    rich text holding a picture, once per page for all its texts
    (``reviews.citing.page_references``).
    """
    base = public_image_storage().url("")
    names = {src[len(base) :]: src for src in srcs if src.startswith(base)}
    files = dict(
        Rendition.objects.filter(name__in=names).values_list("name", "file_id")
    )
    if not files:
        return {}
    versions = (
        ContentVersion.objects.filter(
            content_type=reviewed_type_for(Image).content_type,
            snapshot__file_id__in=set(files.values()),
        )
        .order_by("object_id")
        .values_list("object_id", "snapshot__file_id")
    )
    images_of = defaultdict(list)
    for image_id, file_id in versions:
        images_of[file_id].append(image_id)
    pictures = pictures_in_bulk({pk for ids in images_of.values() for pk in ids})
    found = {}
    for name, file_id in files.items():
        for image_id in images_of[file_id]:
            if image_id in pictures:
                found[names[name]] = pictures[image_id]
                break
    return found
