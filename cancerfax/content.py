"""Pieces every kind of patient-facing content shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


def status_field():
    return models.CharField(
        _("status"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text=_("Only published content is shown to patients."),
    )


def meta_description_field():
    return models.CharField(
        _("meta description"),
        max_length=160,
        blank=True,
        help_text=_(
            "One or two plain sentences for search results and link previews "
            "(160 characters at most)."
        ),
    )


class Publishable(models.Model):
    """Content that is either a draft or published to patients."""

    status = status_field()

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_published(self):
        return self.status == PublicationStatus.PUBLISHED
