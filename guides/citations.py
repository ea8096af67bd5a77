"""Published sources that guides list as references and key numbers cite."""

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from reviews.citing import KEY_PATTERN

from .sections import SectionKind


class Citation(models.Model):
    key = models.CharField(
        _("key"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                rf"^{KEY_PATTERN}$",
                _(
                    "Lower-case letters, digits and hyphens, starting with a "
                    "letter or digit: 'ddt-2017'."
                ),
                "key",
            )
        ],
        help_text=_(
            "Short and unique, e.g. 'ddt-2017'. Editors cite this source in any "
            "text by typing [ref:ddt-2017] where the claim stands."
        ),
    )
    title = models.CharField(_("title"), max_length=400)
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("The journal, guideline body or publisher."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    pmid = models.CharField(
        _("PubMed ID"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(r"^\d{1,10}$", _("A PubMed ID is digits only."), "pmid")
        ],
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                r"^10\.\d{4,9}/\S+$", _("A DOI looks like 10.1000/xyz123."), "doi"
            )
        ],
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    guides = models.ManyToManyField(
        "guides.Guide",
        verbose_name=_("guides"),
        blank=True,
        related_name="citations",
        help_text=_("Guides that list this source among their references."),
    )
    key_numbers = models.ManyToManyField(
        "guides.SectionItem",
        verbose_name=_("key numbers"),
        blank=True,
        related_name="citations",
        limit_choices_to={"section__kind": SectionKind.KEY_NUMBERS},
        help_text=_("The key numbers this source supports."),
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"{self.title} ({self.source}, {self.year})"

    def clean(self):
        if not (self.pmid or self.doi or self.url):
            raise ValidationError(
                _("Give a PubMed ID, a DOI or a web address so readers can find it."),
                code="identifier_required",
            )

    def delete(self, *args, **kwargs):
        guides = self.citing_guide_ids()
        if guides:
            raise ProtectedError(
                _("A guide still cites this source: remove it from the guide first."),
                set(self.guides.all()),
            )
        texts = self.cited_in_texts()
        if texts:
            raise ProtectedError(
                _("%(items)s cite this source in their text: remove the marker first.")
                % {"items": ", ".join(f"“{item}”" for item in texts)},
                set(texts),
            )
        return super().delete(*args, **kwargs)

    def cited_in_texts(self) -> list:
        """Items whose text cites this source by its marker (``[ref:key]``)."""
        from faq.models import FaqEntry
        from glossary.models import GlossaryTerm

        from .models import CancerIndication, Guide

        marker = f"[ref:{self.key}]"

        def citing(model, *fields):
            query = models.Q()
            for name in fields:
                query |= models.Q(**{f"{name}__icontains": marker})
            return list(model._default_manager.filter(query).distinct())

        return [
            *citing(
                Guide,
                "lede",
                "sections__intro",
                "sections__body",
                "sections__quote",
                "sections__items__text",
                "sections__items__title",
            ),
            *citing(CancerIndication, "summary", "evidence_overview"),
            *citing(FaqEntry, "answer"),
            *citing(GlossaryTerm, "definition"),
        ]

    def citing_guide_ids(self) -> set[int]:
        """Guides whose references include this source."""
        return {
            *self.guides.values_list("pk", flat=True),
            *self.key_numbers.values_list("section__guide_id", flat=True),
        }


def citation_keys() -> list[str]:
    return list(Citation.objects.order_by("key").values_list("key", flat=True))


def citations_by_key(keys) -> dict[str, Citation]:
    """The sources with these keys (the lookup ``reviews.citing`` uses)."""
    return {c.key: c for c in Citation.objects.filter(key__in=list(keys))}
