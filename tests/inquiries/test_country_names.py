"""Countries of residence in the reader's language: every language with a
catalogue names every country, the form lists them in its reader's alphabetical
order, and the inquiry stores the code whatever the language it was read in."""

import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.utils import translation

from cancerfax.catalogues import catalogue_languages
from inquiries.countries import COUNTRY_CHOICES, country_choices, country_name
from inquiries.models import Inquiry
from inquiries.views import new_form_token

OPTION = re.compile(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>')


@pytest.mark.parametrize("language", catalogue_languages())
def test_every_language_with_a_catalogue_names_every_country(language):
    path = settings.LOCALE_PATHS[0] / "countries.json"
    names = json.loads(path.read_text(encoding="utf-8")).get(language, {})
    codes = {code for code, _name in COUNTRY_CHOICES}
    assert set(names) == codes, "run scripts/country-names after adding a language"
    # Written in the language, not English copied across (Spanish shares a third).
    english = dict(COUNTRY_CHOICES)
    same = [code for code in codes if names[code] == english[code]]
    assert len(same) < len(codes) / 2


def test_names_follow_the_active_language_and_fall_back_to_english():
    assert country_name("EG", "ar") == "مصر"
    assert country_name("EG", "zh-hans") == "埃及"
    assert country_name("EG", "en-gb") == "Egypt"
    assert country_name("XX", "ar") == "XX"  # an unknown code is shown as it is
    with translation.override("ar"):
        assert country_name("GB") == "المملكة المتحدة"


def test_choices_are_sorted_in_the_readers_language():
    arabic = [name for _code, name in country_choices("ar")]
    assert arabic.index("مصر") > arabic.index("الأرجنتين")
    english = [name for _code, name in country_choices("en-gb")]
    assert english[:2] == ["Afghanistan", "Åland Islands"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "egypt"), [("", "Egypt"), ("/ar", "مصر"), ("/zh-hans", "埃及")]
)
def test_the_form_offers_the_countries_in_the_page_language(
    client, indication, prefix, egypt
):
    html = client.get(f"{prefix}/inquire/").content.decode()
    options = dict(OPTION.findall(html))
    assert unescape(options["EG"]) == egypt
    assert len(options) == len(COUNTRY_CHOICES)


@pytest.mark.django_db
def test_a_country_chosen_in_arabic_is_stored_as_its_code(
    client, form_data, django_capture_on_commit_callbacks
):
    token = new_form_token()[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/inquire/", {**form_data, "country": "EG", "form_token": token}
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.country == "EG"
    assert inquiry.country_name == "Egypt"  # coordinators read English
