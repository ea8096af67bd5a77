"""The out-of-date notice and the translation's review line never contradict each
other: when the English changed on the day the translation was checked, both say
the check was against an earlier version of the English page."""

import datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation as i18n
from django.utils.html import strip_tags

DAY = datetime.date(2026, 12, 7)


def notice(*, out_of_date, shows_english=False, language="en-gb"):
    translation = SimpleNamespace(
        out_of_date=out_of_date,
        out_of_date_since=datetime.datetime(2026, 12, 7, 9, tzinfo=datetime.UTC)
        if out_of_date
        else None,
        shows_english=shows_english,
        english_url="/cancers/hepatocellular-carcinoma/",
    )
    review = SimpleNamespace(last_reviewed=DAY, reviewers=["Dr Jordan Lee"])
    with i18n.override(language):
        html = render_to_string(
            "reviews/translation_notice.html",
            {
                "translation": translation,
                "translation_review": None if shows_english else review,
                "DEFAULT_LANGUAGE": "en-gb",
            },
        )
    return " ".join(strip_tags(html).split())


def test_a_same_day_change_reads_as_a_check_of_an_earlier_english_version():
    text = notice(out_of_date=True)
    assert (
        "It was checked against an earlier version of the English page. "
        "The English page was updated on 7 December 2026" in text
    )
    assert (
        "Translation checked by Dr Jordan Lee on 7 December 2026 against an "
        "earlier version of the English page." in text
    )
    assert "current English page" not in text


def test_an_up_to_date_translation_was_checked_against_the_current_english():
    text = notice(out_of_date=False)
    assert text == (
        "Translation checked by Dr Jordan Lee on 7 December 2026 against the "
        "current English page."
    )


def test_english_shown_instead_says_which_english_the_translation_was_checked_against():
    text = notice(out_of_date=True, shows_english=True)
    assert "This page is in English for now." in text
    assert "checked against an earlier version of the English page" in text
    assert "Translation checked by" not in text


@pytest.mark.parametrize(
    "language, earlier, date",
    [
        ("ar", "مقارنةً بنسخة سابقة من الصفحة الإنجليزية", "7 ديسمبر، 2026"),
        ("zh-hans", "对照较早版本的英文页面", "2026年12月7日"),
    ],
)
def test_the_wording_is_translated_with_the_date_in_the_language(
    language, earlier, date
):
    text = notice(out_of_date=True, language=language)
    assert text.count(earlier) == 2  # in the notice and in the review line
    assert date in text
