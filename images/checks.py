"""System checks: public pictures and private records never share a place."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


def _inside(one: Path, other: Path) -> bool:
    one, other = one.resolve(), other.resolve()
    return one == other or other in one.parents or one in other.parents


@register()
def storage_separation(app_configs=None, **kwargs):
    errors = []
    if settings.IMAGE_S3_BUCKET:
        same_bucket = settings.IMAGE_S3_BUCKET == settings.INQUIRY_S3_BUCKET
        image_prefix = settings.IMAGE_S3_PREFIX.strip("/") + "/"
        record_prefix = settings.INQUIRY_S3_PREFIX.strip("/") + "/"
        if same_bucket and (
            image_prefix.startswith(record_prefix)
            or record_prefix.startswith(image_prefix)
        ):
            errors.append(
                Error(
                    "IMAGE_S3_PREFIX overlaps INQUIRY_S3_PREFIX in one bucket.",
                    hint="Use another bucket for public images (public-read), "
                    "or prefixes that do not contain each other.",
                    id="images.E001",
                )
            )
    elif _inside(Path(settings.IMAGE_ROOT), Path(settings.INQUIRY_PRIVATE_ROOT)):
        errors.append(
            Error(
                "IMAGE_ROOT and INQUIRY_PRIVATE_ROOT contain one another.",
                hint="Public pictures and medical records need separate folders.",
                id="images.E002",
            )
        )
    return errors
