"""Practical facts in the reader's language: their words are translated and
reviewed like any reviewed item, their figures and links stay as approved.

On the demo content, loaded once for the module; tests that add facts run in
their own transaction and are rolled back.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as i18n

from guides.demo_content import CIK_GUIDE
from guides.demo_translations.facts import FACTS_AR, FACTS_ZH
from guides.models import Fact, Guide, Section, SectionItem
from publishing.models import StoredPage
from reviews.capture import version_capture
from reviews.models import ContentVersion
from reviews.services import version_approve
from reviews.translating import english_units, translation_start, translation_texts_set
from reviews.translations import Translation
from search.models import TranslatedEntry
from tests.factories import (
    FactFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
    approved_translation,
)

pytestmark = pytest.mark.django_db
MARKED = 'lang="en-GB" dir="ltr"'


def arabic_page(client, guide):
    with i18n.override("ar"):
        path = guide.get_absolute_url()
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    return response.content.decode()


def translated_into_arabic(fact, **texts):
    return approved_translation(fact, "ar", **texts)


def guide_with_facts(facts):
    approve(*facts)
    guide = GuideFactory()
    section = SectionFactory(guide=guide, kind=Section.Kind.FACTS)
    for fact in facts:
        SectionItemFactory(section=section, fact=fact, title="", text="")
    approve(guide)
    return guide, section


@pytest.mark.usefixtures("live_render")
def test_an_approved_translation_shows_and_an_untranslated_fact_stays_english(
    client, module_demo
):
    translated = FactFactory(title="Day ward", text="Infusions are given by day.")
    untranslated = FactFactory(title="Staying nearby", text="Some centres help.")
    guide, _ = guide_with_facts([translated, untranslated])
    translation_start(obj=translated, language="ar")  # not approved yet
    html = arabic_page(client, guide)
    assert f"<span {MARKED}><strong>Day ward</strong>" in html

    translated_into_arabic(
        translated, title="الجناح النهاري", text="تُعطى جلسات التسريب نهارًا."
    )
    html = arabic_page(client, guide)
    assert "<strong>الجناح النهاري</strong>" in html
    assert "<div><p>تُعطى جلسات التسريب نهارًا.</p></div>" in html
    assert "Day ward" not in html
    # The other fact has no translation: its English is marked as English.
    assert f"<span {MARKED}><strong>Staying nearby</strong>" in html
    assert f"<div {MARKED}><p>Some centres help.</p></div>" in html


def test_approving_a_fact_s_translation_replaces_the_stored_guide_page(
    client, module_demo
):
    fact = FactFactory(title="Day ward")
    guide, _ = guide_with_facts([fact])
    with i18n.override("ar"):
        path = guide.get_absolute_url()
    assert f"<span {MARKED}><strong>Day ward</strong>" in arabic_page(client, guide)
    assert StoredPage.objects.filter(path=path).exists()
    translated_into_arabic(fact, title="الجناح النهاري", text="نص")
    assert not StoredPage.objects.filter(path=path).exists()
    assert "<strong>الجناح النهاري</strong>" in arabic_page(client, guide)


def test_figures_links_and_regulators_are_not_translated(module_demo):
    """Only words: the figure, regulator, link and currency are no text to
    translate, and a translation that sets one is refused."""
    fact = Fact.objects.get(slug="cik-cell-culture-time")
    translation = Translation.objects.of(fact).get(language="ar")
    assert set(english_units(translation)) == {"title", "text", "how_checked"}
    with pytest.raises(ValidationError):
        translation_texts_set(translation=translation, texts={"figure": "١٤–٢١"})
    regulatory = Fact.objects.get(slug="cik-approval-uk")
    units = english_units(Translation.objects.of(regulatory).get(language="ar"))
    assert set(units) == {"title", "country", "how_checked"}


def queries_of(client, guide):
    arabic_page(client, guide)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        arabic_page(client, guide)
    return len(queries)


@pytest.mark.usefixtures("live_render")
def test_guide_page_queries_do_not_grow_with_translated_facts(client, module_demo):
    facts = [FactFactory() for _ in range(2)]
    guide, section = guide_with_facts(facts)
    for fact in facts:
        translated_into_arabic(fact, title="حقيقة", text="نص")
    before = queries_of(client, guide)
    more = [FactFactory() for _ in range(4)]
    approve(*more)
    for fact in more:
        SectionItemFactory(section=section, fact=fact, title="", text="")
        translated_into_arabic(fact, title="حقيقة أخرى", text="نص آخر")
    version = version_capture(obj=guide, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    html = arabic_page(client, Guide.objects.get(pk=guide.pk))
    assert html.count("<strong>حقيقة أخرى</strong>") == 4
    assert queries_of(client, guide) == before


def shown_facts():
    guide = Guide.objects.get(slug=CIK_GUIDE)
    ids = SectionItem.objects.filter(section__guide=guide).values("fact_id")
    return Fact.objects.filter(pk__in=ids)


def digits(text):
    return sorted(re.findall(r"\d+", text))


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_the_demo_translates_every_fact_of_the_cik_guide(module_demo, language):
    """Each approved by the demo panel, with every number the English gives."""
    facts = list(shown_facts())
    assert len(facts) == 14
    approved = ContentVersion.objects.of_model(Translation).approved()
    for fact in facts:
        translation = Translation.objects.of(fact).get(language=language)
        assert translation.out_of_date_since is None
        assert approved.filter(object_id=translation.pk).exists(), fact.slug
        english = english_units(translation)
        for key, text in english.items():
            assert digits(translation.content[key]) == digits(text), (fact.slug, key)
    assert set(FACTS_AR) == set(FACTS_ZH) == {fact.slug for fact in facts}


@pytest.mark.usefixtures("live_render")
def test_the_demo_guide_shows_its_facts_in_arabic(client, module_demo):
    html = arabic_page(client, Guide.objects.get(slug=CIK_GUIDE))
    assert "<strong>حمّى</strong>: تُرى بانتظام بعد التسريب" in html
    assert "<strong>كم يكلّف العلاج كاملًا</strong>" in html
    facts = [part.split("</li>")[0] for part in html.split('id="fact-')[1:]]
    assert len(facts) == 14
    assert [fact[:40] for fact in facts if f"<strong {MARKED}>" in fact] == []


def test_a_translated_fact_is_searched_with_its_labels_in_the_language(module_demo):
    """The kind's label indexed with a translated fact is in its language."""
    fact = Fact.objects.get(slug="cik-who-should-not")
    entry = TranslatedEntry.objects.get(
        object_id=fact.pk, language="ar", title="الفريق المعالج هو من يقرّر"
    )
    assert "من لا ينبغي أن يتلقّاه" in entry.body
    assert "Who should not have it" not in entry.body
