"""Images are reviewed like words, and patients see only approved pictures,
through renditions made after approval."""

import io
import re

import pytest
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from PIL import features

from guides.models import Section
from images.models import Image, Rendition
from images.renditions import modern_formats
from images.storage import public_image_storage
from reviews.capture import version_capture
from reviews.models import ContentVersion
from tests.content_factories import ImageFactory, image_file
from tests.factories import GuideFactory, SectionFactory, SectionItemFactory
from tests.factories import approve as approve_only

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]


def approve(*objects):
    """Approve, then run what waits for the commit (the renditions task)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        approve_only(*objects)


def figure_guide(*images, lead=None):
    guide = GuideFactory(lead_image=lead)
    for order, image in enumerate(images):
        SectionFactory(
            guide=guide,
            order=order,
            kind=Section.Kind.FIGURE,
            image=image,
            intro="How the treatment goes.",
        )
    return guide


def page(client, guide):
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_an_unapproved_image_never_reaches_a_public_page(client):
    image = ImageFactory()
    guide = figure_guide(image, lead=image)
    approve(guide)  # the guide is approved, the picture is not
    html = page(client, guide)
    assert "<picture" not in html and "/images/" not in html
    assert image.alt_text not in html
    assert not Rendition.objects.exists()  # none made before approval


def test_an_approved_image_is_shown_as_a_picture_with_renditions(client):
    image = ImageFactory()
    guide = figure_guide(image)
    approve(image, guide)
    html = page(client, guide)
    picture = re.search(r"<picture.*?</picture>", html, re.S).group(0)
    for fmt in modern_formats():
        assert f'type="image/{fmt}"' in picture
    assert 'width="640" height="360"' in picture
    assert 'loading="lazy"' in picture
    assert f'alt="{image.alt_text}"' in picture
    srcset = re.search(r'<img[^>]* srcset="([^"]+)"', picture).group(1)
    widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
    assert widths == [480, 640]  # never enlarged past the file's width
    assert ".jpg" in srcset  # the fallback every browser reads


def test_renditions_come_in_every_format_and_size():
    image = ImageFactory()
    approve(image)
    made = {(r.crop, r.format, r.width) for r in Rendition.objects.all()}
    for fmt in [*modern_formats(), "jpeg"]:
        assert {("fit", fmt, 480), ("fit", fmt, 640)} <= made
    share = Rendition.objects.get(crop="share")
    assert (share.width, share.height) == (640, 336)  # 1200×630's shape


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow writes no AVIF")
def test_with_avif_on_it_is_offered_first(client, settings):
    """The test settings leave AVIF off (the slowest to encode); production has
    it on wherever Pillow can write it."""
    settings.IMAGE_AVIF = True
    image = ImageFactory()
    guide = figure_guide(image)
    approve(image, guide)
    made = {(r.format, r.width) for r in Rendition.objects.filter(crop="fit")}
    assert {("avif", 480), ("avif", 640)} <= made
    picture = re.search(r"<picture.*?</picture>", page(client, guide), re.S).group(0)
    types = re.findall(r'<source type="image/(\w+)"', picture)
    assert types == ["avif", "webp"]
    avif = Rendition.objects.filter(format="avif").first()
    with PillowImage.open(public_image_storage().open(avif.name)) as served:
        assert served.format == "AVIF"


def test_a_changed_alt_text_needs_approval_before_patients_read_it(client):
    image = ImageFactory(alt_text="The first description.")
    guide = figure_guide(image)
    approve(image, guide)
    image.alt_text = "A new description."
    image.save()
    version = version_capture(obj=image, user=None)
    assert version is not None and not version.arrangement_only
    html = page(client, guide)
    assert "The first description." in html and "A new description." not in html


def test_a_new_file_needs_approval_and_the_old_picture_stays_until_then(client):
    image = ImageFactory()
    guide = figure_guide(image)
    approve(image, guide)
    before = page(client, guide)
    old_name = Rendition.objects.filter(file=image.file).first().name
    image.file = ImageFactory.build().file
    image.save()
    version = version_capture(obj=image, user=None)
    assert not version.arrangement_only
    assert old_name in page(client, guide) and before == page(client, guide)
    approve(image)
    assert old_name not in page(client, guide)


def test_the_focal_point_alone_is_arrangement():
    image = ImageFactory()
    approve(image)
    image.focal_x, image.focal_y = 0.2, 0.3
    image.save()
    assert version_capture(obj=image, user=None).arrangement_only


def test_an_image_an_approved_guide_shows_cannot_be_deleted():
    image = ImageFactory()
    guide = figure_guide(image)
    approve(image, guide)
    guide.sections.all().delete()  # the working copy no longer shows it
    with pytest.raises(ProtectedError), transaction.atomic():
        image.delete()
    assert ContentVersion.objects.of(image).exists()


def test_the_guide_page_shares_its_lead_image_as_og_image(client, settings):
    settings.SITE_URL = "https://cancerfax.example"
    lead = ImageFactory()
    guide = figure_guide(lead=lead)
    approve(lead, guide)
    html = page(client, guide)
    share = Rendition.objects.get(file=lead.file, crop="share")
    assert (
        f'<meta property="og:image" content="https://cancerfax.example/images/'
        f'{share.name}">' in html
    )
    assert (
        f'<meta name="twitter:image" content="https://cancerfax.example/images/{share.name}">'
        in html
    )
    assert 'content="summary_large_image"' in html


def test_other_pages_share_the_reviewed_site_default(client):
    default = ImageFactory(site_default=True)
    assert 'property="og:image"' not in client.get("/guides/").content.decode()
    approve(default)
    share = Rendition.objects.get(file=default.file, crop="share")
    html = client.get("/guides/").content.decode()
    assert f"/images/{share.name}" in html


def test_queries_do_not_grow_with_figures(client):
    small = figure_guide(*(ImageFactory() for _ in range(1)))
    large = figure_guide(*(ImageFactory() for _ in range(6)))
    approve(*Image.objects.all(), small, large)
    page(client, small)  # warm per-process caches

    def count(guide):
        with CaptureQueriesContext(connection) as queries:
            assert page(client, guide).count("<picture") >= 1
        return len(queries)

    assert count(small) == count(large)
    assert page(client, large).count("<picture") == 6


def test_a_served_rendition_has_no_metadata_and_a_long_cache(client):
    image = ImageFactory()
    approve(image)
    rendition = Rendition.objects.filter(format="jpeg").first()
    response = client.get(f"/images/{rendition.name}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/jpeg"
    data = b"".join(response.streaming_content)
    with PillowImage.open(io.BytesIO(data)) as picture:
        assert not picture.getexif() and "exif" not in picture.info


def test_a_card_shows_its_approved_picture(client):
    image = ImageFactory()
    guide = GuideFactory()
    section = SectionFactory(guide=guide, kind=Section.Kind.CARD_GRID)
    SectionItemFactory(section=section, title="Your own cells", image=image)
    approve(image, guide)
    html = page(client, guide)
    card = re.search(r'<li class="card">.*?</li>', html, re.S).group(0)
    assert '<picture class="card__picture">' in card
    assert 'sizes="(min-width: 73em) 14.625em' in card


def test_a_staff_preview_shows_the_unapproved_picture_from_the_preview_address(
    client, medical_editor
):
    image = ImageFactory()
    guide = figure_guide(image)
    client.force_login(medical_editor)
    html = page(client, guide)
    assert f'src="/images/preview/{image.file_id}/"' in html
    client.logout()
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_a_picture_gets_every_configured_width_below_its_own(settings):
    image = ImageFactory(file=image_file(size=(1200, 600)))
    approve(image)
    widths = sorted(
        r.width for r in Rendition.objects.filter(crop="fit", format="jpeg")
    )
    assert widths == [480, 720, 960, 1200]


def test_the_command_makes_a_width_added_since_the_approval(settings):
    from django.core.management import call_command

    settings.IMAGE_RENDITION_WIDTHS = (480, 960, 1440)
    image = ImageFactory(file=image_file(size=(1200, 600)))
    approve(image)
    assert not Rendition.objects.filter(width=720).exists()
    settings.IMAGE_RENDITION_WIDTHS = (480, 720, 960, 1440)
    out = io.StringIO()
    call_command("image_renditions", "--dry-run", stdout=out)
    assert "for 1 image(s)" in out.getvalue()
    assert not Rendition.objects.filter(width=720).exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("image_renditions", stdout=io.StringIO())
    made = {r.format for r in Rendition.objects.filter(file=image.file, width=720)}
    assert made == {*modern_formats(), "jpeg"}
    out = io.StringIO()
    call_command("image_renditions", stdout=out)
    assert "for 0 image(s)" in out.getvalue()
