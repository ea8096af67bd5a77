"""Pictures in rich text cost a page the same queries whatever the number of
fields showing them, and a page showing one follows that image's approvals."""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from guides.models import Section
from images.models import Image, Rendition
from publishing.models import PageDependency, StoredPage
from reviews.capture import version_capture
from reviews.registry import reviewed_type_for
from tests.content_factories import ImageFactory
from tests.factories import FaqEntryFactory, GuideFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


def approve_now(*objects):
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve(*objects)


def shown_at(image) -> str:
    """The address rich text stores for ``image``: one of its renditions."""
    name = Rendition.objects.filter(file=image.file, format="jpeg").first().name
    return f"/images/{name}"


def picture_html(src) -> str:
    return f'<p>Steps.</p><figure><img src="{src}" alt="x"></figure>'


@pytest.fixture(scope="module")
def srcs(module_db, django_db_blocker):
    """Five approved library pictures, built once for the module."""
    assert module_db
    with django_db_blocker.unblock():
        images = ImageFactory.create_batch(5)
        approve_now(*images)
        return [shown_at(image) for image in images]


def count_queries(client, path, pictures):
    client.get(path)  # warm per-process caches (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert response.content.decode().count("<picture>") == pictures
    return len(queries)


def guide_with_pictures(srcs):
    guide = GuideFactory()
    for order, src in enumerate(srcs):
        SectionFactory(
            guide=guide,
            order=order,
            kind=Section.Kind.RICH_TEXT,
            body=picture_html(src),
        )
    approve(guide)
    return guide.get_absolute_url()


@pytest.mark.usefixtures("live_render")
def test_a_guide_with_five_picture_sections_costs_the_queries_of_one(
    client, srcs, settings
):
    # Its sections drawn every time, as on a first visit or in a preview.
    settings.CACHES = {k: v for k, v in settings.CACHES.items() if k != "fragments"}
    one = count_queries(client, guide_with_pictures(srcs[:1]), pictures=1)
    five = count_queries(client, guide_with_pictures(srcs), pictures=5)
    assert five == one


@pytest.mark.usefixtures("live_render")
def test_the_faq_page_with_five_picture_answers_costs_the_queries_of_one(client, srcs):
    def count(shown):
        entries = [FaqEntryFactory(answer=picture_html(src)) for src in shown]
        approve(*entries)
        queries = count_queries(client, "/faq/", pictures=len(shown))
        for entry in entries:
            entry.delete()
        return queries

    assert count(srcs) == count(srcs[:1])


def change_and_approve(image):
    image.file = ImageFactory.build().file
    image.save()
    version_capture(obj=image, user=None)
    approve_now(image)


@pytest.mark.usefixtures("live_render")
def test_kept_sections_show_a_rich_text_picture_approved_since(client):
    """The guide's sections are kept rendered under a key naming what they
    show: a picture in their rich text is part of it."""
    image = ImageFactory()
    approve_now(image)
    old = shown_at(image)
    path = guide_with_pictures([old])
    assert old in client.get(path).content.decode()
    change_and_approve(image)
    html = client.get(path).content.decode()
    assert shown_at(image) in html and old not in html


def test_a_stored_page_depends_on_the_images_of_its_rich_text(client):
    image = ImageFactory()
    approve_now(image)
    old = shown_at(image)
    path = guide_with_pictures([old])
    client.get(path)
    page = StoredPage.objects.get(path=path)
    assert PageDependency.objects.filter(
        page=page,
        content_type=reviewed_type_for(Image).content_type,
        object_id=image.pk,
    ).exists()
    assert old in page.body

    change_and_approve(image)  # its renditions' task replaces the pages showing it
    html = client.get(path).content.decode()
    assert shown_at(image) in html and old not in html


def test_show_images_reads_what_the_page_looked_up_and_looks_up_the_rest(
    srcs, django_assert_num_queries
):
    from cancerfax.sanitize import images_shown, show_images

    gathered, other = picture_html(srcs[0]), picture_html(srcs[1])
    shown = images_shown([gathered])
    assert shown[srcs[0]].startswith("<picture>")
    alone = show_images(gathered)
    with django_assert_num_queries(0):
        assert show_images(gathered, shown) == alone
    html = show_images(gathered + other, shown)
    assert html.count("<picture>") == 2 and srcs[1] in html
