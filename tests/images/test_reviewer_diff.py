"""The reviewer sees the old and new picture side by side, and the alt text's
words that changed."""

import re

import pytest
from django.test import TestCase

from reviews.capture import version_capture
from tests.content_factories import ImageFactory
from tests.factories import approve

pytestmark = pytest.mark.django_db


def test_the_diff_shows_both_pictures_and_the_alt_text_change(client, medical_reviewer):
    image = ImageFactory(alt_text="Cells grow for two weeks.")
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve(image)
    old_file = image.file
    image.file = ImageFactory().file
    image.alt_text = "Cells grow for three weeks."
    image.save()
    version = version_capture(obj=image, user=None)
    client.force_login(medical_reviewer)
    html = client.get(f"/admin/reviews/contentversion/{version.pk}/review/")
    html = html.content.decode()
    pictures = re.search(r'<div class="diff-pictures">.*?</div>', html, re.S)
    assert pictures, "no side-by-side pictures"
    sources = re.findall(r'src="([^"]+)"', pictures.group(0))
    assert sources == [
        f"/images/preview/{old_file.pk}/",
        f"/images/preview/{image.file_id}/",
    ]
    assert "<del>two </del><ins>three </ins>" in html
    for source in sources:  # the reviewer may open both
        assert client.get(source).status_code == 200
