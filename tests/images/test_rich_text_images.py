"""Rich text shows library pictures only: any other <img> is removed."""

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
