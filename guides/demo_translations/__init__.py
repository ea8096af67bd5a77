"""The demo's translations: the CIK guide, its questions and practical facts, the
topics, the cancer types, the glossary and the about pages (not the privacy
notice) in Arabic and Simplified Chinese, approved by the demo panel and its
member, who declare both languages.

One translation is out of date on purpose: the Arabic liver cancer page
translates the English as it read before its last change (``EARLIER_ENGLISH``),
so the demo shows the notice a patient gets when the English moves on.
"""

from faq.models import FaqEntry
from glossary.models import GlossaryTerm
from publishing.store import pages_invalidated_once
from reviews.demo import approve_current_content
from reviews.models import ContentVersion, Reviewer
from reviews.translating import translation_start, translation_texts_set
from reviews.translations import Translation
from topics.models import Topic
from trust.models import TrustPage

from ..demo_content import CIK_GUIDE
from ..demo_review import demo_no_source_reason, demo_reviewers
from ..models import CancerIndication, Fact, Guide
from .catalogue_ar import FAQ_AR, INDICATIONS_AR
from .catalogue_zh import FAQ_ZH, INDICATIONS_ZH
from .cik_ar import CIK_GUIDE_AR
from .cik_zh import CIK_GUIDE_ZH
from .facts import FACTS_AR, FACTS_ZH
from .glossary_terms import GLOSSARY_AR, GLOSSARY_ZH
from .topics import TOPICS_AR, TOPICS_ZH
from .trust_pages import TRUST_AR, TRUST_ZH

DEMO_LANGUAGES = "ar zh-hans"
TRANSLATIONS = {
    "ar": (
        CIK_GUIDE_AR,
        FAQ_AR,
        INDICATIONS_AR,
        GLOSSARY_AR,
        TRUST_AR,
        FACTS_AR,
        TOPICS_AR,
    ),
    "zh-hans": (
        CIK_GUIDE_ZH,
        FAQ_ZH,
        INDICATIONS_ZH,
        GLOSSARY_ZH,
        TRUST_ZH,
        FACTS_ZH,
        TOPICS_ZH,
    ),
}
# The out-of-date one: (language, cancer type's slug).
STALE = ("ar", "hepatocellular-carcinoma")
# The liver cancer summary before its last English change (the same facts and
# sources; the second paragraph was reworded).
EARLIER_ENGLISH = {
    "summary": (
        "<p>Hepatocellular carcinoma (HCC) is the most common kind of cancer that "
        "starts in the liver itself. It often grows in a liver that is already "
        "damaged, for example by long-term hepatitis B or C.</p><p>CIK therapy has "
        "been tested in liver cancer in several trials [ref:ddt-2017]. It is given "
        "after surgery or ablation, to try to stop the cancer from coming back "
        "[ref:gastroenterology-2015].</p>"
    )
}
NOTES = "Demo translation, approved by load_demo."


def _items():
    """(source item, language, {key: translated text}) for every demo translation."""
    guide = Guide.objects.get(slug=CIK_GUIDE)
    faqs = FaqEntry.objects.in_bulk(field_name="slug")
    indications = CancerIndication.objects.in_bulk(field_name="slug")
    terms = GlossaryTerm.objects.in_bulk(field_name="slug")
    pages = TrustPage.objects.in_bulk(field_name="slug")
    facts = Fact.objects.in_bulk(field_name="slug")
    topics = Topic.objects.in_bulk(field_name="slug")
    for language, texts_of_kinds in TRANSLATIONS.items():
        (
            guide_texts,
            faq_texts,
            indication_texts,
            term_texts,
            page_texts,
            fact_texts,
            topic_texts,
        ) = texts_of_kinds
        yield guide, language, guide_texts
        for by_slug, items in [
            (faq_texts, faqs),
            (indication_texts, indications),
            (term_texts, terms),
            (page_texts, pages),
            (fact_texts, facts),
            (topic_texts, topics),
        ]:
            for slug, texts in by_slug.items():
                yield items[slug], language, texts


def _approved(obj, language) -> bool:
    translation = Translation.objects.of(obj).filter(language=language).first()
    return (
        translation is not None
        and ContentVersion.objects.of(translation).approved().exists()
    )


def translate_demo_content(stdout=None) -> int:
    """Translate and approve the demo's translations; return how many were new.

    Idempotent: a translation already approved is left as it is (the stale one
    stays stale).
    """
    reviewers, user = demo_reviewers()
    Reviewer.objects.filter(pk__in=[r.pk for r in reviewers], languages="").update(
        languages=DEMO_LANGUAGES
    )
    reviewers, user = demo_reviewers()  # read again with their languages
    if user is not None:
        user.reviewer_profile.refresh_from_db()

    def approve(objects):
        approve_current_content(
            objects,
            reviewers=reviewers,
            user=user,
            notes=NOTES,
            no_source_reason=demo_no_source_reason,
        )

    count = 0
    with pages_invalidated_once():
        for obj, language, texts in _items():
            if _approved(obj, language):
                continue
            stale = isinstance(obj, CancerIndication) and (language, obj.slug) == STALE
            if stale:
                # The English as it read when it was translated.
                current = {name: getattr(obj, name) for name in EARLIER_ENGLISH}
                type(obj).objects.filter(pk=obj.pk).update(**EARLIER_ENGLISH)
                approve([type(obj).objects.get(pk=obj.pk)])
            translation = translation_start(obj=obj, language=language)
            translation_texts_set(translation=translation, texts=texts)
            approve([translation])
            if stale:  # then the English changed: the translation is out of date
                type(obj).objects.filter(pk=obj.pk).update(**current)
                approve([type(obj).objects.get(pk=obj.pk)])
            count += 1
    if stdout is not None and count:
        stdout.write(f"Translations: approved {count} demo translation(s).\n")
    return count
