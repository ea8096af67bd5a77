"""Renditions are made on a task worker after an approval, never in a request."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task

from publishing.store import pages_invalidate

from .models import Image, ImageFile
from .renditions import renditions_make


@task()
def image_renditions_make(image_id: int, file_id: int, focal: list) -> int:
    """Make the renditions of an approved image's file, then replace the stored
    pages that show the image (and purge them from shared caches): they were
    rendered without the picture, or with the one it replaces."""
    image_file = ImageFile.objects.filter(pk=file_id).first()
    if image_file is None:
        return 0
    made = renditions_make(image_file, focal=tuple(focal))
    with transaction.atomic():
        pages_invalidate([(ContentType.objects.get_for_model(Image).pk, image_id)])
    return len(made)


def on_version_approved(sender, version, **kwargs):
    """Enqueue the renditions of an image version once its approval commits."""
    if version.content_type_id != ContentType.objects.get_for_model(Image).pk:
        return
    content = version.content
    transaction.on_commit(
        lambda: image_renditions_make.enqueue(
            version.object_id, content.file_id, list(content.focal)
        ),
        robust=True,
    )
