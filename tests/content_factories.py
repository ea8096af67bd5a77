"""Factories for the about and policy pages and the glossary."""

import factory
from factory.django import DjangoModelFactory

from cancerfax.content import PublicationStatus
from glossary.models import GlossaryTerm
from trust.models import TrustPage


class TrustPageFactory(DjangoModelFactory):
    class Meta:
        model = TrustPage
        django_get_or_create = ("kind",)

    kind = TrustPage.Kind.ABOUT
    title = factory.LazyAttribute(lambda page: f"{page.kind.title()} page")
    slug = factory.LazyAttribute(lambda page: f"{page.kind}-page")
    body = "<p>What we stand for.</p>"
    status = PublicationStatus.PUBLISHED


class ContactPageFactory(TrustPageFactory):
    kind = TrustPage.Kind.CONTACT
    title = "Contact us"
    slug = "contact"
    phone = "+44 20 7946 0123"
    email = "help@example.org"
    messaging = "WhatsApp on the same number"
    hours = "Monday to Friday, 9:00 to 17:00"


class GlossaryTermFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"term{n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    definition = "A plain explanation."
    status = PublicationStatus.PUBLISHED
