"""The reviewer's decision form: dates shown and typed day first, dd/mm/yyyy.

A browser's own date picker shows the browser's locale (mm/dd/yyyy in a US
browser), so the form uses plain text boxes in the site's British format.
"""

import datetime
import re

import pytest
from django.utils import timezone

from reviews.capture import version_capture
from reviews.models import ContentVersion, ReviewRecord
from tests.factories import FaqEntryFactory

from .conftest import review_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    return version_capture(obj=FaqEntryFactory(), user=None)


def review_url(version):
    return f"/admin/reviews/contentversion/{version.pk}/review/"


def date_input(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html)[0]


def test_dates_are_text_boxes_showing_day_month_year_with_a_hint(
    client, medical_reviewer, waiting
):
    client.force_login(medical_reviewer)
    html = client.get(review_url(waiting)).text
    reviewed_on = date_input(html, "reviewed_on")
    assert 'type="text"' in reviewed_on
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in reviewed_on
    assert 'type="text"' in date_input(html, "next_review_due")
    assert html.count("dd/mm/yyyy") >= 2  # a hint beside each date


def test_a_day_first_date_is_accepted(
    client, medical_reviewer, reviewer_profile, waiting
):
    """29/11/2026 is the 29th of November, not an error or the 11th of month 29."""
    client.force_login(medical_reviewer)
    response = client.post(
        review_url(waiting),
        review_form(
            [reviewer_profile],
            "approve",
            reviewed_on="29/11/2026",
            next_review_due="28/05/2027",
        ),
    )
    assert response.status_code == 302
    record = ReviewRecord.objects.get(version=waiting)
    assert record.reviewed_on == datetime.date(2026, 11, 29)
    assert record.next_review_due == datetime.date(2027, 5, 28)


@pytest.mark.parametrize(
    ("reviewed_on", "next_review_due", "message"),
    [
        ("11/29/2026", "", "Enter the date as dd/mm/yyyy, for example 29/11/2026."),
        ("31/02/2026", "", "Enter the date as dd/mm/yyyy, for example 29/11/2026."),
        ("29/11/2026", "next week", "Enter the date as dd/mm/yyyy"),
        ("tomorrow", "", "Enter the date as dd/mm/yyyy"),
        ("29/11/2026", "01/11/2026", "The next review must come after this review."),
    ],
)
def test_a_bad_date_is_refused_with_a_clear_message(
    client,
    medical_reviewer,
    reviewer_profile,
    waiting,
    reviewed_on,
    next_review_due,
    message,
):
    client.force_login(medical_reviewer)
    data = review_form(
        [reviewer_profile],
        "approve",
        reviewed_on=reviewed_on,
        next_review_due=next_review_due,
    )
    response = client.post(review_url(waiting), data)
    assert response.status_code == 200
    assert message in response.text
    waiting.refresh_from_db()
    assert waiting.status == ContentVersion.Status.PENDING


def test_a_review_date_in_the_future_is_refused(
    client, medical_reviewer, reviewer_profile, waiting
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.force_login(medical_reviewer)
    data = review_form(
        [reviewer_profile], "approve", reviewed_on=f"{tomorrow:%d/%m/%Y}"
    )
    response = client.post(review_url(waiting), data)
    assert "A review date cannot be in the future." in response.text
    assert not ReviewRecord.objects.filter(version=waiting).exists()
