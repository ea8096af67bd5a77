"""Medical words explained in plain language, reviewed like any medical content."""

from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cancerfax.content import Publishable
from reviews.citing import MARKER_HELP, validate_markers


class GlossaryTerm(Publishable):
    term = models.CharField(
        _("term"),
        max_length=120,
        unique=True,
        help_text=_("As it appears in the guides: 'NKG2D', 'Cytokine'."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The term's anchor on the glossary page: /glossary/#the-slug."),
    )
    expansion = models.CharField(
        _("full name"),
        max_length=200,
        blank=True,
        help_text=_(
            "For an abbreviation only: what the letters stand for. The term is "
            "then marked up as an abbreviation."
        ),
    )
    also_matches = models.CharField(
        _("other forms"),
        max_length=300,
        blank=True,
        help_text=_(
            "Other spellings or forms marked up with the same explanation, "
            "separated by commas: 'cytokines, cytokine's'."
        ),
    )
    definition = models.TextField(
        _("definition"),
        help_text=format_lazy(
            "{} {}",
            _(
                "One to three plain sentences a patient understands without another "
                "glossary entry. Shown on the glossary page and beside the term in "
                "guides."
            ),
            MARKER_HELP,
        ),
        validators=[validate_markers],
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{reverse('glossary:list')}#{self.slug}"
