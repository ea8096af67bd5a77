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


def picture_bytes(size=(640, 360), fmt="PNG", colour=(40, 90, 160), **save):
    """An encoded picture drawn here (no file on disk)."""
    import io

    from PIL import Image as PillowImage

    out = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(out, fmt, **save)
    return out.getvalue()


def image_file(size=(640, 360), colour=(40, 90, 160)):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from images.uploads import image_file_store

    return image_file_store(
        SimpleUploadedFile("picture.png", picture_bytes(size, colour=colour))
    )


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = "images.Image"

    title = factory.Sequence(lambda n: f"Diagram {n}")
    file = factory.Sequence(lambda n: image_file(colour=(n % 256, 90, 160)))
    alt_text = "Blood is taken, cells grow for two to three weeks, then go back."
    caption = "How the treatment goes, step by step."
    credit = "Drawn for CancerFax"
    licence = "Our own work"
