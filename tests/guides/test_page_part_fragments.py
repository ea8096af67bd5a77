"""The review line and the footer are kept (``{% fragment %}``) under a key naming
what they show (``reviews.part_keys``): a confirmation, an approval, a
publication or an address change never shows a kept copy, and staff previews and
signed-in visitors never use or fill one."""

import datetime

import pytest
from django.core.cache import caches
from django.utils import timezone

from reviews.capture import version_capture
from reviews.services import review_confirm_current, version_approve
from tests.content_factories import TrustPageFactory
from tests.factories import ReviewerFactory, SectionFactory, approve
from trust.models import TrustPage

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _empty_fragments():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def approved_guide(reviewer, **kwargs):
    guide = SectionFactory().guide
    approve(*{guide.topic})
    version = version_capture(obj=guide, user=None)
    version_approve(version=version, user=None, reviewers=[reviewer], **kwargs)
    return guide, version


def page_text(client, guide):
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    return response.text


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_a_confirmation_shows_its_reviewers_and_dates_at_once(client, live_render):
    today = timezone.localdate()
    first = ReviewerFactory(name="Dr First")
    guide, version = approved_guide(first, reviewed_on=today - 400 * DAY)
    assert "Dr First" in page_text(client, guide)
    assert "Dr First" in page_text(client, guide)  # from the kept line
    review_confirm_current(
        version=version,
        user=None,
        reviewers=[ReviewerFactory(name="Dr Second")],
        next_review_due=today + 300 * DAY,
    )
    html = page_text(client, guide)
    assert "Dr Second" in html
    assert "Dr First" not in html
    assert (today + 300 * DAY).isoformat() in html


def test_a_new_approval_or_address_of_a_footer_page_shows_at_once(client, live_render):
    guide, _ = approved_guide(ReviewerFactory())
    about = TrustPageFactory(title="About us")
    approve(about)
    assert "About us" in footer(page_text(client, guide))
    TrustPage.objects.filter(pk=about.pk).update(title="Who we are")
    approve(TrustPage.objects.get(pk=about.pk))
    html = footer(page_text(client, guide))
    assert "Who we are" in html
    assert "About us" not in html
    TrustPage.objects.filter(pk=about.pk).update(slug="who-we-are")
    assert "who-we-are" in footer(page_text(client, guide))
    TrustPage.objects.filter(pk=about.pk).update(status="draft")
    assert "Who we are" not in footer(page_text(client, guide))


def test_signed_in_visitors_neither_use_nor_fill_kept_parts(
    client, live_render, medical_editor
):
    guide, _ = approved_guide(ReviewerFactory(name="Dr First"))
    client.force_login(medical_editor)
    assert "Dr First" in page_text(client, guide)
    assert not any(":part:" in key for key in caches["fragments"]._cache)
    client.logout()
    page_text(client, guide)
    assert any(":part:" in key for key in caches["fragments"]._cache)
