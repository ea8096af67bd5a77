"""Topics: the therapies or subjects that guides and questions are grouped under.

Topics sit below both guides and FAQs so that either can point at them without
the two apps pointing at each other. Their names and descriptions are words
patients read, so they are reviewed content like any other.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicQuerySet(models.QuerySet):
    def published(self):
        # A topic has no draft state of its own: it shows once it is approved.
        return self


class Topic(models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        unique=True,
        help_text=_("The therapy or subject a series of guides covers."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown above this topic's guides."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('guides:list')}#topic-{self.slug}"

    def is_published(self):
        return True
