"""The review line's dates in each language's own long format (see
test_long_dates)."""

import re

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]


@pytest.mark.parametrize(
    "language, pattern",
    [
        ("en-gb", r"\d{1,2} [A-Z][a-z]+ \d{4}"),
        ("ar", r"\d{1,2} [\u0600-\u06ff]+، \d{4}"),
        ("zh-hans", r"\d{4}年\d{1,2}月\d{1,2}日"),
    ],
)
def test_the_review_line_dates_read_in_the_page_language(
    client, module_demo, language, pattern
):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    html = client.get(f"{prefix}/guides/what-is-cik-therapy/").content.decode()
    shown = re.findall(r'<time datetime="\d{4}-\d\d-\d\d">([^<]+)</time>', html)
    assert shown
    for text in shown:
        assert re.fullmatch(pattern, text), text
