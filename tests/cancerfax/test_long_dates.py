"""Dates on patients' pages read naturally in each language: the month in full in
English, Django's own long formats in Arabic and Chinese (never "7 十二月 2026");
staff pages keep their short English dates."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation as i18n
from django.utils.formats import date_format

from cancerfax.templatetags.site_tags import long_date, long_datetime

DAY = datetime.date(2026, 12, 7)
MOMENT = datetime.datetime(2026, 12, 7, 14, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en-gb", "7 December 2026"),
        ("ar", "7 ديسمبر، 2026"),
        ("zh-hans", "2026年12月7日"),
    ],
)
def test_a_long_date_is_written_as_its_language_writes_it(language, expected):
    with i18n.override(language):
        assert long_date(DAY) == expected


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en-gb", "7 December 2026, 14:05"),
        ("zh-hans", "2026年12月7日 14:05"),
        # Arabic has no date-and-time format of its own: its date and its time.
        ("ar", "7 ديسمبر، 2026 2:05 م"),
    ],
)
def test_a_long_moment_is_written_as_its_language_writes_it(language, expected):
    with i18n.override(language):
        assert long_datetime(MOMENT) == expected


def test_a_language_without_a_long_format_of_ours_gets_djangos_date_format():
    """Adding a language needs no format module: French reads Django's own."""
    with i18n.override("fr"):
        assert long_date(DAY) == date_format(DAY, "DATE_FORMAT") == "7 décembre 2026"


def test_staff_dates_stay_short():
    with i18n.override("en-gb"):
        assert date_format(DAY, "DATE_FORMAT") == "7 Dec 2026"


def test_no_public_template_writes_a_date_format_of_its_own():
    """A fixed "j F Y" reads "7 十二月 2026" in Chinese: public templates use
    ``long_date`` and ``long_datetime`` (ISO dates in ``datetime`` attributes
    are machine-readable and stay)."""
    templates = Path(settings.BASE_DIR) / "templates"
    found = []
    for path in templates.rglob("*.html"):
        relative = path.relative_to(templates).as_posix()
        if relative.startswith(("admin/", "registration/")):
            continue
        for fmt in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text()):
            if fmt not in ("Y-m-d", r"Y-m-d\TH:i:sO"):
                found.append((relative, fmt))
    assert found == []
