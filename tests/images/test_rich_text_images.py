"""Rich text shows library pictures only: any other <img> is removed."""

import re

import pytest
from django.test import TestCase

from cancerfax.sanitize import clean_html
from images.models import Rendition
from tests.content_factories import ImageFactory
from tests.factories import approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendition():
    image = ImageFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve(image)
    return Rendition.objects.filter(crop="fit", format="jpeg").first()


def test_a_library_rendition_is_kept(rendition):
    html = f'<p><img src="/images/{rendition.name}" alt="Steps" width="480"></p>'
    assert clean_html(html) == html


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "/images/r/0123456789abcdef/fit-480.0123456789ab.jpg",  # no such rendition
        "/images/library/ab/abcdef.png",  # the unreviewed original
        "/static/img/favicon.svg",
    ],
)
def test_any_other_picture_is_removed_with_its_tag(rendition, src):
    assert clean_html(f'<p>Before<img src="{src}" alt="x">after</p>') == (
        "<p>Beforeafter</p>"
    )


def test_an_img_without_an_address_goes_too():
    assert clean_html('<p><img alt="x" onerror="alert(1)"></p>') == "<p></p>"


def test_sizes_must_be_numbers(rendition):
    html = f'<img src="/images/{rendition.name}" alt="" width="100%" height="9">'
    assert clean_html(html) == f'<img src="/images/{rendition.name}" alt="" height="9">'


def approve_now(*objects):
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve(*objects)


def guide_showing(src, alt="Steps", client=None):
    """An approved guide whose rich text shows ``<img src=src>``; its page."""
    from tests.factories import SectionFactory

    section = SectionFactory(body=f'<figure><img src="{src}" alt="{alt}"></figure>')
    approve(section.guide)
    response = client.get(section.guide.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("live_render")
def test_a_library_picture_in_rich_text_is_shown_as_its_approved_picture(client):
    image = ImageFactory(alt_text="Blood is taken, then cells are grown.")
    approve_now(image)
    jpeg = Rendition.objects.filter(file=image.file, format="jpeg", crop="fit")
    html = guide_showing(f"/images/{jpeg.first().name}", alt="Typed", client=client)
    figure = re.search(r"<figure><picture>.*?</picture></figure>", html, re.S)
    assert figure, "the <img> became a responsive <picture>"
    assert 'alt="Blood is taken, then cells are grown."' in figure.group(0)
    assert 'alt="Typed"' not in html  # the reviewed alt text wins
    assert 'type="image/webp"' in figure.group(0)
    assert all(f"/images/{r.name} {r.width}w" in html for r in jpeg)


@pytest.mark.usefixtures("live_render")
def test_rich_text_shows_the_image_as_approved_now_not_an_older_file(client):
    image = ImageFactory()
    approve_now(image)
    old = Rendition.objects.filter(file=image.file, format="jpeg").first().name
    image.file = ImageFactory.build().file
    image.save()
    approve_now(image)
    html = guide_showing(f"/images/{old}", client=client)
    new = Rendition.objects.filter(file=image.file, format="jpeg").first().name
    assert f"/images/{new}" in html and f"/images/{old}" not in html


@pytest.mark.usefixtures("live_render")
def test_a_rendition_no_visible_image_shows_never_reaches_the_page(client):
    """A file with renditions whose image patients may not see (deleted
    since, or never approved: renditions made by hand) is left out."""
    image = ImageFactory()
    approve_now(image)
    name = Rendition.objects.filter(file=image.file, format="jpeg").first().name
    unreviewed = ImageFactory()
    stray = Rendition.objects.create(
        file=unreviewed.file, format="jpeg", width=480, height=270,
        name="r/0123456789abcdef/fit-480.0123456789ab.jpg",
    )  # fmt: skip
    image.delete()
    for src in (f"/images/{name}", f"/images/{stray.name}"):
        html = guide_showing(src, client=client)
        assert "<picture" not in html and src not in html
        assert "<figure>" not in html  # the picture's box goes with it


def test_text_without_a_picture_costs_no_query(django_assert_num_queries):
    from cancerfax.sanitize import show_images

    with django_assert_num_queries(0):
        assert show_images("<p>No picture.</p>") == "<p>No picture.</p>"


def test_the_reviewer_sees_a_picture_put_into_rich_text(rendition):
    """It adds no word, yet it is a change: the diff shows it by its alt text."""
    from faq.models import FaqEntry
    from reviews.capture import version_capture
    from reviews.diff import version_diff
    from reviews.models import ContentVersion
    from tests.factories import FaqEntryFactory

    entry = FaqEntryFactory(answer="<p>How it goes.</p>")
    approve(entry)
    first = ContentVersion.objects.of(entry).get(number=1)
    entry.answer += f'<figure><img src="/images/{rendition.name}" alt="Steps"></figure>'
    entry.save()
    second = version_capture(obj=entry, user=None)
    [block] = version_diff(FaqEntry, first.content, second.content)
    [answer] = [f for f in block.fields if f.changed]
    assert "<ins>[Picture: Steps]</ins>" in str(answer.html).replace("\n", "")


@pytest.mark.usefixtures("live_render")
def test_a_text_with_three_pictures_costs_the_queries_of_one(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    images = ImageFactory.create_batch(3)
    approve_now(*images)
    srcs = [
        "/images/" + Rendition.objects.filter(file=i.file, format="jpeg")[0].name
        for i in images
    ]

    def queries(count):
        from tests.factories import SectionFactory

        body = "".join(f'<p><img src="{src}" alt="x"></p>' for src in srcs[:count])
        section = SectionFactory(body=body)
        approve(section.guide)
        client.get(section.guide.get_absolute_url())  # warm caches
        with CaptureQueriesContext(connection) as captured:
            html = client.get(section.guide.get_absolute_url()).content.decode()
        assert html.count("<picture>") == count
        return len(captured)

    assert queries(3) == queries(1)
