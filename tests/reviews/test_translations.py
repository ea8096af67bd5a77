"""Translations are reviewed like the original and never silently out of date.

On the demo content, loaded once for the module: the CIK guide, its questions
and the cancer types in Arabic and Simplified Chinese, the Arabic liver cancer
page out of date on purpose.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation as i18n
from django.utils.formats import date_format

from cancerfax import roles
from faq.models import FaqEntry
from guides.demo_content import COMPARISON_GUIDE
from guides.demo_translations import STALE
from guides.models import CancerIndication, Guide
from publishing.models import StoredPage
from reviews.capture import version_capture
from reviews.evidence import findings_of
from reviews.forms import ReviewerForm
from reviews.models import ContentVersion, Reviewer
from reviews.services import version_approve
from reviews.translating import english_units, translation_start, translation_texts_set
from reviews.translations import Translation, TranslationPolicy
from tests.conftest import make_user
from tests.factories import (
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

pytestmark = pytest.mark.django_db
Shows = TranslationPolicy.Shows
LIVER = "hepatocellular-carcinoma"


def address(obj, language):
    """The item's page in ``language`` (``/ar/…`` where languages have prefixes)."""
    with i18n.override(language):
        return obj.get_absolute_url()


def page(client, obj, language):
    response = client.get(address(obj, language), HTTP_ACCEPT_LANGUAGE=language)
    return response.content.decode()


def english_approved(obj, **fields):
    """Change the English words of ``obj`` and approve them: a new version."""
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    obj = type(obj).objects.get(pk=obj.pk)
    approve(obj)
    return ContentVersion.objects.of(obj).approved().get()


def approve_english(version, reviewers):
    """Approve, with a reason for each claim the demo approved without a source."""
    reasons = {
        f.key: "As approved before."
        for f in findings_of(version.reviewed, version.content)
    }
    return version_approve(
        version=version, user=None, reviewers=reviewers, no_source_reasons=reasons
    )


def test_the_demo_has_both_languages_approved_and_one_out_of_date(module_demo):
    """The CIK guide, its five questions and fourteen practical facts, two
    topics, six cancer types, fourteen glossary terms and four about pages (not
    the privacy notice), per language."""
    for language in ("ar", "zh-hans"):
        translations = Translation.objects.filter(language=language)
        assert translations.count() == 46
        approved = ContentVersion.objects.of_model(Translation).approved()
        assert approved.filter(object_id__in=translations.values("pk")).count() == 46
    stale = Translation.objects.out_of_date().get()
    assert (stale.language, stale.source.slug) == STALE
    signers = approved.first().records.get().reviewer_links.all()
    assert all("ar" in s.reviewer.language_codes() for s in signers)


def test_a_new_english_version_marks_translations_out_of_date_in_its_transaction(
    module_demo,
):
    """Inside the approving transaction both translations are out of date; when
    that transaction rolls back, so does the mark."""
    guide = Guide.objects.get(slug="what-is-cik-therapy")
    translations = Translation.objects.of(guide)
    assert translations.count() == 2 and not translations.out_of_date().exists()
    Guide.objects.filter(pk=guide.pk).update(lede="A clearer introduction.")
    version = version_capture(obj=guide, user=None)
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL)
    with pytest.raises(RuntimeError), transaction.atomic():
        approve_english(version, [panel])
        assert translations.out_of_date().count() == 2
        raise RuntimeError("roll the approval back")
    assert not translations.out_of_date().exists()
    approve_english(version, [panel])
    stale = list(translations.out_of_date())
    assert [t.source_changed_version_id for t in stale] == [version.pk] * 2
    assert not any(t.key_facts_changed for t in stale)  # the lede only


@pytest.mark.usefixtures("live_render")
def test_the_out_of_date_translation_says_so_with_the_date_and_the_english_page(
    client, module_demo
):
    indication = CancerIndication.objects.get(slug=LIVER)
    since = Translation.objects.out_of_date().get().out_of_date_since
    with i18n.override("ar"):
        changed = date_format(since, "DATE_FORMAT")  # Django's Arabic long date
    html = page(client, indication, "ar")
    assert 'class="translation-notice"' in html
    assert changed in html
    assert f'href="{address(indication, "en-gb")}" hreflang="en-gb"' in html
    assert "سرطان الخلايا الكبدية" in html  # the translation, under the default
    fresh = page(client, indication, "zh-hans")
    assert "肝细胞癌" in fresh and "translation-notice" not in fresh
    # Who checked the translation shown: its own review, by the demo panel.
    # "Checked against the current English page by CancerFax Medical…".
    assert "对照当前的英文页面核对了本译文" in fresh
    assert "CancerFax Medical" in fresh
    english = page(client, indication, "en-gb")
    assert "translation-notice" not in english and "肝细胞癌" not in english


@pytest.mark.usefixtures("live_render")
@pytest.mark.parametrize(
    "policy, key_facts_changed, shows_arabic",
    [
        (Shows.TRANSLATION, True, True),
        (Shows.ENGLISH, False, False),
        (Shows.ENGLISH_IF_KEY_FACTS, False, True),
        (Shows.ENGLISH_IF_KEY_FACTS, True, False),
    ],
)
def test_the_medical_teams_policy_chooses_stale_translation_or_english(
    client, module_demo, policy, key_facts_changed, shows_arabic
):
    indication = CancerIndication.objects.get(slug=LIVER)
    TranslationPolicy.objects.create(kind="indication", out_of_date_shows=policy)
    if key_facts_changed:
        english_approved(indication, evidence_strength="trials")
        assert Translation.objects.of(indication).get(language="ar").key_facts_changed
    html = page(client, indication, "ar")
    assert ("سرطان الخلايا الكبدية" in html) is shows_arabic
    # The English shown in its place is marked as English for screen readers.
    english_h1 = '<h1 lang="en-GB" dir="ltr">Hepatocellular carcinoma (HCC)</h1>'
    assert (english_h1 in html) is not shows_arabic
    assert 'class="translation-notice"' in html


@pytest.fixture
def waiting_arabic(module_demo, django_user_model):
    """The comparison guide's first Arabic version, saved by a translator who
    reads Arabic, waiting for review."""
    translator = make_user(django_user_model, "translator", roles.MEDICAL_EDITOR)
    ReviewerFactory(user=translator, languages="ar")
    guide = Guide.objects.get(slug=COMPARISON_GUIDE)
    translation = translation_start(obj=guide, language="ar", user=translator)
    texts = {key: f"ترجمة: {text}" for key, text in english_units(translation).items()}
    translation_texts_set(translation=translation, texts=texts, user=translator)
    return version_capture(obj=translation, user=translator), translator


def reviewer(django_user_model, name, *, languages="", panel_languages=None):
    user = make_user(django_user_model, name, roles.MEDICAL_REVIEWER)
    profile = ReviewerFactory(user=user, languages=languages)
    if panel_languages is None:
        return user, [profile]
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, languages=panel_languages)
    panel.members.add(profile)
    return user, [panel]


@pytest.mark.parametrize(
    "languages, panel_languages",
    [
        ("", None),  # declares no language
        ("zh-hans", None),  # another language
        ("", "ar"),  # signs for a panel that declares it, reads none itself
        ("zh-hans", "ar"),
    ],
)
def test_a_translation_is_refused_without_a_reviewer_of_its_language(
    django_user_model, waiting_arabic, languages, panel_languages
):
    version, _ = waiting_arabic
    user, signers = reviewer(
        django_user_model,
        "monolingual",
        languages=languages,
        panel_languages=panel_languages,
    )
    with pytest.raises(ValidationError) as refused:
        version_approve(version=version, user=user, reviewers=signers)
    assert refused.value.code == "language_reviewer_required"
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.PENDING


def test_a_reviewer_of_the_language_approves_but_not_the_translator(
    django_user_model, waiting_arabic
):
    version, translator = waiting_arabic
    with pytest.raises(ValidationError) as refused:
        version_approve(
            version=version,
            user=translator,
            reviewers=[translator.reviewer_profile],
        )
    assert refused.value.code == "self_approval"
    user, signers = reviewer(
        django_user_model, "arabist", languages="ar zh-hans", panel_languages="ar"
    )
    record = version_approve(version=version, user=user, reviewers=signers)
    assert record.version == version
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.APPROVED


def test_reviewers_cannot_declare_a_language_on_their_own_profile(
    django_user_model, module_demo
):
    user, (profile,) = reviewer(django_user_model, "self-declared")
    data = {
        "kind": profile.kind,
        "name": profile.name,
        "credentials": profile.credentials,
        "specialty": profile.specialty,
        "is_active": True,
        "languages": "ar",
    }
    form = ReviewerForm(data, instance=profile)
    form.changed_by = user
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "own_profile"
    form = ReviewerForm({**data, "languages": "xx"}, instance=profile)
    assert not form.is_valid() and "languages" in form.errors


def test_an_approval_refuses_a_translation_that_is_behind_its_english(
    waiting_arabic, django_user_model
):
    version, _ = waiting_arabic
    guide = Guide.objects.get(slug=COMPARISON_GUIDE)
    english_approved(guide, lede="A newer English introduction.")
    user, signers = reviewer(django_user_model, "arabist", languages="ar")
    with pytest.raises(ValidationError) as refused:
        version_approve(version=version, user=user, reviewers=signers)
    assert refused.value.code == "source_changed"


def test_refreshing_keeps_what_did_not_change_and_citations_must_match(
    waiting_arabic, django_user_model
):
    """A refreshed translation keeps every text whose English is unchanged; a
    text citing other sources than its English is refused."""
    version, translator = waiting_arabic
    guide = Guide.objects.get(slug=COMPARISON_GUIDE)
    english_approved(guide, lede="A newer English introduction.")
    translation = translation_start(obj=guide, language="ar", user=translator)
    assert translation.content["lede"] == "A newer English introduction."
    assert translation.content["title"].startswith("ترجمة: ")
    cited = next(k for k, t in english_units(translation).items() if "[ref:" in t)
    translation_texts_set(
        translation=translation,
        texts={"lede": "مقدمة أحدث.", cited: "نص بلا مصدر."},
        user=translator,
    )
    version = version_capture(obj=translation, user=translator)
    user, signers = reviewer(django_user_model, "arabist", languages="ar")
    with pytest.raises(ValidationError) as refused:
        version_approve(version=version, user=user, reviewers=signers)
    assert refused.value.code == "citations_differ"


def test_stored_pages_of_a_translation_go_when_it_or_its_english_is_approved(
    client, module_demo, django_user_model
):
    """The translated page records its source item: an approval of either
    replaces it."""
    indication = CancerIndication.objects.get(slug="gastric-cancer")
    path = address(indication, "zh-hans")
    assert "胃癌" in page(client, indication, "zh-hans")
    assert StoredPage.objects.filter(path=path).exists()
    translation = Translation.objects.of(indication).get(language="zh-hans")
    translation_texts_set(translation=translation, texts={"name": "胃部的癌症"})
    user, signers = reviewer(django_user_model, "sinologist", languages="zh-hans")
    version_approve(
        version=version_capture(obj=translation, user=None),
        user=user,
        reviewers=signers,
    )
    assert not StoredPage.objects.filter(path=path).exists()
    assert "胃部的癌症" in page(client, indication, "zh-hans")
    assert StoredPage.objects.filter(path=path).exists()
    english_approved(indication, name="Stomach cancer")
    assert not StoredPage.objects.filter(path=path).exists()
    with i18n.override("zh-hans"):
        assert (
            Translation.objects.of(indication).get(language="zh-hans").out_of_date_since
        )


def queries_in(client, obj, language):
    with CaptureQueriesContext(connection) as queries:
        html = page(client, obj, language)
    return len(queries), html


@pytest.mark.usefixtures("live_render")
def test_translated_guide_page_queries_do_not_grow_with_sections(
    client, module_demo, django_user_model
):
    """More sections and items, each with questions and cancer types in their
    own translations: the same queries."""
    guide = Guide.objects.get(slug="what-is-cik-therapy")
    queries_in(client, guide, "ar")  # warm per-process caches
    before, _ = queries_in(client, guide, "ar")
    english, _ = queries_in(client, guide, "en-gb")
    for kind in ("faq", "indications", "card_grid"):
        section = SectionFactory(guide=guide, kind=kind, order=100, heading="Más")
        for faq, indication in zip(
            FaqEntry.objects.all()[:3], CancerIndication.objects.all()[:3], strict=True
        ):
            SectionItemFactory(section=section, faq_entry=faq, indication=indication)
    approve_english(version_capture(obj=guide, user=None), [ReviewerFactory()])
    translation = translation_start(obj=guide, language="ar")
    texts = {k: f"بالعربية {t}" for k, t in english_units(translation).items()}
    translation_texts_set(translation=translation, texts=texts)
    user, signers = reviewer(django_user_model, "arabist", languages="ar")
    version_approve(
        version=version_capture(obj=translation, user=None),
        user=user,
        reviewers=signers,
    )
    after, html = queries_in(client, guide, "ar")
    assert "بالعربية Más" in html and "translation-notice" not in html
    assert after == before
    # One query per kind of item the page shows, to find their translations,
    # and the translation's own review line (its record and signatures).
    assert before - english <= 10
