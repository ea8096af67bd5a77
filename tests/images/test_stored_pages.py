"""An approved picture reaches stored pages through a task worker: renditions
are made off the request, then the pages that show the image are replaced and
purged from shared caches."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from guides.models import Section
from images.models import Rendition
from publishing.models import EdgePurge, StoredPage
from reviews.capture import version_capture
from tests.content_factories import ImageFactory
from tests.factories import GuideFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


def test_an_image_approval_makes_renditions_on_a_worker_then_replaces_pages(
    client, settings, run_worker, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE_BACKEND = "http"
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]  # nothing listens
    image = ImageFactory()
    guide = GuideFactory()
    SectionFactory(guide=guide, kind=Section.Kind.FIGURE, image=image)
    with django_capture_on_commit_callbacks(execute=True):
        approve(image, guide)
    path = guide.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # the first renditions
    client.get(path)
    first = StoredPage.objects.get(path=path).body
    assert "<picture" in first

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        image.file = ImageFactory().file
        image.save()
        version_capture(obj=image, user=None)
        approve(image)
    # Nothing made in the approver's request: the task waits for a worker.
    assert not Rendition.objects.filter(file=image.file).exists()
    assert DBTaskResult.objects.filter(
        task_path="images.tasks.image_renditions_make", status="READY"
    ).exists()
    EdgePurge.objects.all().delete()

    # The worker's own commits, as a worker's transactions would commit them.
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # renditions made; the pages showing the image forgotten
    run_worker()  # ... and rendered again
    made = Rendition.objects.filter(file=image.file, format="jpeg").first()
    assert made is not None
    stored = StoredPage.objects.get(path=path).body
    assert made.name in stored and stored != first
    assert any(path in purge.paths for purge in EdgePurge.objects.all())
