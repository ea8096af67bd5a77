"""Topics in the reader's language: the eyebrow of a guide, the headings of the
guide and question lists, from the topic's approved translation."""

import pytest
from django.urls import reverse
from django.utils import translation as i18n

from guides.demo_content import CIK_GUIDE
from reviews.translations import Translation
from tests.factories import GuideFactory, SectionFactory, TopicFactory, approve
from topics.models import Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]
MARKED = 'lang="en-GB" dir="ltr"'


def html_of(client, language, name, **kwargs):
    with i18n.override(language):
        path = reverse(name, kwargs=kwargs)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_topics_are_translated_and_approved(module_demo):
    for topic in Topic.objects.all():
        for language in ("ar", "zh-hans"):
            translation = Translation.objects.of(topic).get(language=language)
            assert translation.out_of_date_since is None


def test_a_guide_s_eyebrow_shows_its_topic_in_the_reader_s_language(
    client, module_demo
):
    html = html_of(client, "ar", "guides:detail", slug=CIK_GUIDE)
    assert '<p class="eyebrow"><span>العلاج بخلايا CIK</span> ·' in html
    html = html_of(client, "zh-hans", "guides:detail", slug=CIK_GUIDE)
    assert '<p class="eyebrow"><span>CIK 细胞疗法</span> ·' in html


def test_the_lists_head_their_groups_with_the_translated_topics(client, module_demo):
    html = html_of(client, "ar", "guides:list")
    assert ">العلاج بخلايا CIK</h2>" in html
    assert "<p>يستعمل العلاج بالخلايا القاتلة المحفَّزة بالسيتوكينات" in html
    assert "CIK cell therapy" not in html
    html = html_of(client, "zh-hans", "faq:list")
    assert ">获得治疗</h2>" in html


def test_a_topic_without_an_approved_translation_stays_english(client, module_demo):
    topic = TopicFactory(name="Travel and stay")
    guide = GuideFactory(topic=topic)
    SectionFactory(guide=guide)
    approve(guide)
    html = html_of(client, "ar", "guides:detail", slug=guide.slug)
    assert f'<p class="eyebrow"><span {MARKED}>Travel and stay</span> ·' in html
