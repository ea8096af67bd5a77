from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cancerfax.content import Publishable
from cancerfax.fields import RichTextField
from reviews.citing import MARKER_HELP, validate_markers


class FaqEntry(Publishable):
    question = models.CharField(_("question"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Used as the question's anchor on the FAQ page: /faq/#the-slug."),
    )
    answer = RichTextField(
        _("answer"),
        help_text=format_lazy(
            "{} {}", _("A complete answer a patient can act on."), MARKER_HELP
        ),
        validators=[validate_markers],
    )
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="faq_entries",
        help_text=_("Questions are grouped by topic on the FAQ page."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["topic__order", "order", "pk"]
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{reverse('faq:list')}#{self.slug}"
