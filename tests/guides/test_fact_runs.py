"""A practical fact shown in English on a translated page reads as one
left-to-right run: its title, figure and words joined by ": " and ". " keep
their order inside a right-to-left page."""

import re

import pytest

from guides.models import Section
from tests.factories import (
    FactFactory,
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

pytestmark = pytest.mark.django_db


def test_an_english_fact_on_an_arabic_page_is_one_marked_run(client):
    guide = GuideFactory()
    section = SectionFactory(guide=guide, kind=Section.Kind.FACTS, heading="Facts")
    schedule = FactFactory(
        title="Growing the cells",
        figure="14–21 days",
        how_checked="Read in the treating centres' protocols.",
    )
    SectionItemFactory(section=section, fact=schedule)
    approve(schedule, guide)
    url = guide.get_absolute_url()
    html = client.get(f"/ar{url}").content.decode()
    headline = re.search(r'<p class="fact__headline">(.*?)</p>', html, re.S).group(1)
    assert headline.startswith(
        '<span lang="en-GB" dir="ltr"><strong>Growing the cells</strong>: '
        '<span class="fact__figure" lang="en-GB" dir="ltr">14–21 days</span></span>'
    )
    english = client.get(url).content.decode()
    assert '<p class="fact__headline"><span><strong>Growing the cells' in english
