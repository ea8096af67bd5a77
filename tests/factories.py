import factory
from factory.django import DjangoModelFactory

from cancerfax.content import PublicationStatus
from faq.models import FaqEntry
from guides.models import CancerIndication, Guide, Section, SectionItem, Topic


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
