"""How images are reviewed: their snapshot, diff and registration.

A picture, its alt text and its caption are medical content: a diagram can
overstate as a sentence can, and the alt text is what a blind reader gets
instead of it. The snapshot names the exact file (by id and digest), so an
approved version always shows the picture its reviewer saw.
"""

import dataclasses
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.translation import gettext

from reviews.diff import FieldDiff, block, label, plain_text
from reviews.evidence import TextPart
from reviews.registry import register
from reviews.snapshots import Snapshot

WORD_FIELDS = (
    "alt_text", "decorative_reason", "caption", "credit", "licence",
)  # fmt: skip


@dataclass(frozen=True)
class ImageSnapshot(Snapshot):
    SCHEMA_VERSION = 1

    title: str
    file_id: int
    file_sha256: str
    width: int
    height: int
    alt_text: str = ""
    decorative: bool = False
    decorative_reason: str = ""
    caption: str = ""
    credit: str = ""
    licence: str = ""
    focal_x: float | None = None
    focal_y: float | None = None

    @property
    def focal(self):
        return (self.focal_x, self.focal_y)

    @property
    def alt(self):
        """What the ``alt`` attribute says: nothing for a decorative picture."""
        return "" if self.decorative else self.alt_text


def image_snapshot(image) -> ImageSnapshot:
    return ImageSnapshot(
        title=image.title,
        file_id=image.file_id,
        file_sha256=image.file.sha256,
        width=image.file.width,
        height=image.file.height,
        decorative=image.decorative,
        # Floats always: an int set through the ORM would not load again.
        focal_x=None if image.focal_x is None else float(image.focal_x),
        focal_y=None if image.focal_y is None else float(image.focal_y),
        **{name: getattr(image, name) for name in WORD_FIELDS},
    )


def image_words(snapshot: ImageSnapshot) -> ImageSnapshot:
    # The focal point (where crops centre) puts nothing new before a patient;
    # the file, the alt text and the caption do. The title is only staff's,
    # but reviewed as every text of a reviewed item is.
    return dataclasses.replace(snapshot, focal_x=None, focal_y=None)


@dataclass
class PictureDiff(FieldDiff):
    """The old and new picture side by side (staff-only preview addresses)."""

    old_url: str = ""
    new_url: str = ""

    @property
    def html(self):
        return format_html(
            '<div class="diff-pictures">'
            '<figure><img src="{}" alt="" width="240"><figcaption>{}</figcaption>'
            "</figure>"
            '<figure><img src="{}" alt="" width="240"><figcaption>{}</figcaption>'
            "</figure></div>",
            self.old_url,
            gettext("Before: %(file)s") % {"file": self.old or gettext("none")},
            self.new_url,
            gettext("After: %(file)s") % {"file": self.new},
        )

    def __str__(self):
        return self.html


def _file_label(snapshot):
    if snapshot is None:
        return ""
    return f"{snapshot.file_sha256[:12]} ({snapshot.width}×{snapshot.height})"


def image_diff(old, new):
    from django.urls import reverse

    from .models import Image

    def text(snapshot, name):
        return "" if snapshot is None else plain_text(getattr(snapshot, name))

    def url(snapshot):
        if snapshot is None:
            return ""
        return reverse("images:preview", kwargs={"pk": snapshot.file_id})

    picture = PictureDiff(
        gettext("Picture"),
        _file_label(old),
        _file_label(new),
        old_url=url(old),
        new_url=url(new),
    )
    fields = [picture]
    fields += [
        FieldDiff(label(Image, name), text(old, name), text(new, name))
        for name in ("alt_text", "caption", "credit", "licence", "decorative_reason")
    ]
    fields.append(
        FieldDiff(
            label(Image, "decorative"),
            "" if old is None else str(old.decorative),
            str(new.decorative),
        )
    )
    focal = FieldDiff(
        gettext("Focal point"),
        "" if old is None else str(old.focal),
        str(new.focal),
        arrangement=True,
    )
    return [block(gettext("Image"), [*fields, focal])]


def image_texts(snapshot: ImageSnapshot) -> list[TextPart]:
    parts = [
        TextPart(gettext("Alt text"), snapshot.alt),
        TextPart(gettext("Caption"), snapshot.caption),
    ]
    return [part for part in parts if part.text]


def register_images():
    from .models import Image

    register(
        Image,
        kind="image",
        snapshot_type=ImageSnapshot,
        build=image_snapshot,
        words=image_words,
        diff=image_diff,
        title_field="title",
        has_page=False,
        texts=image_texts,
        select_related=("file",),
    )
