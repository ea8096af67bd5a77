import factory
from factory.django import DjangoModelFactory

from cancerfax.content import PublicationStatus
from faq.models import FaqEntry
from guides.models import (
    CancerIndication,
    Citation,
    Fact,
    Guide,
    Section,
    SectionItem,
)
from reviews.demo import approve_current_content
from reviews.models import Reviewer
from reviews.translating import translation_start, translation_texts_set
from reviews.translations import Translation
from topics.models import Topic


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Therapy {n}")
    slug = factory.Sequence(lambda n: f"therapy-{n}")


class GuideFactory(DjangoModelFactory):
    class Meta:
        model = Guide

    title = factory.Sequence(lambda n: f"Guide number {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    topic = factory.SubFactory(TopicFactory)
    lede = "A short introduction in plain language."
    status = PublicationStatus.PUBLISHED


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    guide = factory.SubFactory(GuideFactory)
    order = factory.Sequence(lambda n: n)
    kind = Section.Kind.RICH_TEXT
    heading = factory.Sequence(lambda n: f"Section heading {n}")
    body = "<p>Body text.</p>"


class SectionItemFactory(DjangoModelFactory):
    class Meta:
        model = SectionItem

    section = factory.SubFactory(SectionFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Item title {n}")
    text = "Item text."


class CancerIndicationFactory(DjangoModelFactory):
    class Meta:
        model = CancerIndication

    name = factory.Sequence(lambda n: f"Cancer type {n}")
    slug = factory.Sequence(lambda n: f"cancer-type-{n}")
    summary = "<p>What patients should know.</p>"
    status = PublicationStatus.PUBLISHED


class FaqEntryFactory(DjangoModelFactory):
    class Meta:
        model = FaqEntry

    question = factory.Sequence(lambda n: f"Question number {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = "<p>An answer.</p>"
    topic = factory.SubFactory(TopicFactory)
    status = PublicationStatus.PUBLISHED


class ReviewerFactory(DjangoModelFactory):
    class Meta:
        model = Reviewer

    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    credentials = "MBBS, MRCP"
    specialty = "Medical oncology"


class CitationFactory(DjangoModelFactory):
    class Meta:
        model = Citation

    key = factory.Sequence(lambda n: f"study-{n}")
    title = factory.Sequence(lambda n: f"A study of cell therapy, part {n}")
    source = "Journal of Examples"
    year = 2021
    pmid = factory.Sequence(lambda n: str(30000000 + n))


class FactFactory(DjangoModelFactory):
    """A practical fact that needs no source: a schedule without a figure."""

    class Meta:
        model = Fact

    kind = Fact.Kind.SCHEDULE
    title = factory.Sequence(lambda n: f"Practical fact {n}")
    slug = factory.Sequence(lambda n: f"fact-{n}")
    text = "Infusions are given in a day ward."
    status = PublicationStatus.PUBLISHED


def approve(*objects, reviewers=None):
    """Approve the objects' current content, as a medical reviewer would.

    Content must be approved to reach patients: call this after building a
    guide with its sections (and for the FAQ entries and cancer types it shows).
    The topics the objects sit under are approved with them.
    """
    topics = {obj.topic for obj in objects if getattr(obj, "topic_id", None)}
    objects = [*topics, *objects]
    if reviewers is None:
        reviewers = [
            Reviewer.objects.get_or_create(
                name="Test medical panel",
                defaults={"kind": Reviewer.Kind.PANEL, "credentials": "Oncologists"},
            )[0]
        ]
    return approve_current_content(
        objects,
        reviewers=reviewers,
        no_source_reason=lambda finding: "Test data: no patient reads it.",
    )


def approve_all():
    """Approve every topic, fact, guide, FAQ entry and cancer type as it is now."""
    return approve(
        *Topic.objects.all(),
        *Fact.objects.all(),
        *Guide.objects.all(),
        *FaqEntry.objects.all(),
        *CancerIndication.objects.all(),
    )


def approved_translation(obj, language="ar", **texts):
    """``obj``'s translation into ``language`` with ``texts`` (by field),
    approved by a panel that declares the language, as a language reviewer would."""
    translation = translation_start(obj=obj, language=language)
    translation_texts_set(translation=translation, texts=texts)
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, languages=language)
    approve(translation, reviewers=[panel])
    return translation


class TranslationFactory:
    """A translation of an approved FAQ answer (its working copy still holds the
    English words): ``TranslationFactory(language="zh-hans")``."""

    class _meta:  # noqa: N801 (read as a factory's ``_meta.model``)
        model = Translation

    def __new__(cls, *, obj=None, language="ar"):
        if obj is None:
            obj = FaqEntryFactory()
            approve(obj)
        return translation_start(obj=obj, language=language)
