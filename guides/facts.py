"""Practical facts: what a medical team keeps once and guides show where they apply.

Approval status per regulator, the typical schedule, named side effects, who should
not have the treatment, what a course costs and where trials stand. Each is a
reviewed item of its own (like a question and its answer): a guide's "Practical
facts" section points at it, so a fact corrected once is corrected on every page.

The kind decides which fields a fact uses (``FACT_KINDS``). A fact that gives a
figure or names a side effect carries a structured source (``source``, a
citation). Two kinds may instead say how the fact was checked: approval status
(checked on the regulators' own registers, which are not publications) and the
typical schedule (a figure centres give that no checked source reports yet).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cancerfax.content import Publishable


class FactKind(models.TextChoices):
    REGULATORY = "regulatory", _("Regulatory status")
    SCHEDULE = "schedule", _("Schedule and length of stay")
    SIDE_EFFECT = "side_effect", _("Side effect")
    NOT_SUITABLE = "not_suitable", _("Who should not have it")
    COST = "cost", _("Cost")
    TRIALS = "trials", _("Clinical trials")


class ApprovalStatus(models.TextChoices):
    NOT_APPROVED = "not_approved", _("Not approved")
    UNDER_REVIEW = "under_review", _("Under review")
    CONDITIONAL = "conditional", _("Approved with conditions")
    APPROVED = "approved", _("Approved")


# The heading over facts of one kind when a section shows several kinds.
GROUP_HEADINGS = {
    FactKind.REGULATORY: _("Approval"),
    FactKind.SCHEDULE: _("How long it takes"),
    FactKind.SIDE_EFFECT: _("Side effects"),
    FactKind.NOT_SUITABLE: _("Who should not have it"),
    FactKind.COST: _("Cost"),
    FactKind.TRIALS: _("Clinical trials"),
}


@dataclass(frozen=True)
class FactSpec:
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()
    # "always": a source is required; "figure": when a figure or price is given;
    # "or_how_checked": a source, or a note of how the fact was checked.
    source: str = ""


COMMON = ("title", "text")
FACT_KINDS = {
    FactKind.REGULATORY: FactSpec(
        fields=(
            *COMMON,
            "regulator",
            "country",
            "approval_status",
            "checked_on",
            "how_checked",
            "link",
            "source",
        ),
        required=("regulator", "country", "approval_status", "checked_on"),
        source="or_how_checked",
    ),
    FactKind.SCHEDULE: FactSpec(
        fields=(*COMMON, "figure", "how_checked", "source"),
        required=("text",),
        source="or_how_checked",
    ),
    FactKind.SIDE_EFFECT: FactSpec(
        fields=(*COMMON, "frequency", "source"),
        required=("frequency",),
        source="always",
    ),
    FactKind.NOT_SUITABLE: FactSpec(
        fields=(*COMMON, "questions", "source"), required=("text",)
    ),
    FactKind.COST: FactSpec(
        fields=(
            *COMMON,
            "price_from",
            "price_to",
            "currency",
            "checked_on",
            "includes",
            "questions",
            "source",
        ),
        required=("includes",),
        source="figure",
    ),
    FactKind.TRIALS: FactSpec(
        fields=(*COMMON, "figure", "link", "questions", "checked_on", "source"),
        required=("text",),
        source="figure",
    ),
}


def missing_source(fact, *, has_source) -> str:
    """What ``fact`` (a ``Fact`` or its snapshot) lacks to stand without its
    source: "source", "how_checked" or "" (nothing).

    One rule for the editor's form (``Fact.clean``) and for approval
    (``guides.fact_review``), which checks the snapshot about to be approved.
    """
    spec = FACT_KINDS.get(fact.kind)
    if spec is None or has_source:
        return ""
    has_figure = any(
        value not in (None, "")
        for value in (fact.figure, fact.price_from, fact.price_to)
    )
    if spec.source == "always" or (spec.source == "figure" and has_figure):
        return "source"
    if spec.source == "or_how_checked" and not fact.how_checked.strip():
        if fact.kind == FactKind.SCHEDULE and not has_figure:
            return ""
        return "how_checked"
    return ""


class Fact(Publishable):
    Kind = FactKind

    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=FactKind.choices,
        help_text=_("Decides which fields the fact uses."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_(
            "What the fact is about, as patients would say it: 'Fever', "
            "'United Kingdom', 'Growing the cells'."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Names the fact on the page: #fact-the-slug."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Plain text. Blank lines start new paragraphs."),
    )
    regulator = models.CharField(
        _("regulator"),
        max_length=120,
        blank=True,
        help_text=_("Regulatory status: 'MHRA', 'EMA', 'FDA'."),
    )
    country = models.CharField(
        _("country or region"),
        max_length=120,
        blank=True,
        help_text=_("Regulatory status: where the regulator decides."),
    )
    approval_status = models.CharField(
        _("status"), max_length=16, choices=ApprovalStatus.choices, blank=True
    )
    frequency = models.CharField(
        _("how often it was seen"),
        max_length=200,
        blank=True,
        help_text=_(
            "Side effect: as the source reports it, e.g. 'seen regularly after "
            "infusions'. Never a figure the source does not give."
        ),
    )
    figure = models.CharField(
        _("figure"),
        max_length=40,
        blank=True,
        help_text=_("A number as it should appear: '14–21 days'."),
    )
    price_from = models.DecimalField(
        _("lowest quote"), max_digits=10, decimal_places=0, null=True, blank=True
    )
    price_to = models.DecimalField(
        _("highest quote"), max_digits=10, decimal_places=0, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        help_text=_("Three letters, as the centres quote: 'USD', 'CNY'."),
    )
    includes = models.TextField(
        _("what a course includes"),
        blank=True,
        help_text=_("Cost: one part of a course per line."),
    )
    questions = models.TextField(
        _("questions to ask"),
        blank=True,
        help_text=_("One question per line."),
    )
    link = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("Where patients can check for themselves (a trial registry)."),
    )
    checked_on = models.DateField(
        _("date checked"),
        null=True,
        blank=True,
        help_text=_("When the status, quote or registry was last checked."),
    )
    how_checked = models.TextField(
        _("how it was checked"),
        blank=True,
        help_text=_(
            "Where there is no published source: how the team checked the fact, "
            "or where a typical figure comes from."
        ),
    )
    source = models.ForeignKey(
        "guides.Citation",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="facts",
        help_text=_("The published source of a figure or a side effect."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind", "title", "pk"]
        verbose_name = _("practical fact")
        verbose_name_plural = _("practical facts")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        """Where patients read it: the first guide whose sections show it ("" for
        none). A fact has no page of its own."""
        return self.absolute_urls([self.pk]).get(self.pk, "")

    @classmethod
    def absolute_urls(cls, pks) -> dict[int, str]:
        """``{pk: address}`` of the facts that some guide shows, in one query
        (search results list many)."""
        from .models import SectionItem

        shown = (
            SectionItem.objects.filter(fact_id__in=list(pks))
            .order_by("-section__guide_id")
            .values_list("fact_id", "fact__slug", "section__guide__slug")
        )
        # Ordered from the last guide to the first: the first guide wins.
        return {
            pk: reverse("guides:detail", kwargs={"slug": guide}) + f"#fact-{slug}"
            for pk, slug, guide in shown
        }

    def clean(self):
        spec = FACT_KINDS.get(self.kind)
        if spec is None:
            return
        errors = {
            name: ValidationError(
                _("A fact of this kind needs this field."), code="required_for_kind"
            )
            for name in spec.required
            if getattr(self, name) in (None, "")
        }
        missing = missing_source(self, has_source=self.source_id is not None)
        if missing == "source":
            errors["source"] = ValidationError(
                _("A figure or a side effect needs its published source."),
                code="source_required",
            )
        elif missing == "how_checked":
            errors["how_checked"] = ValidationError(
                _("Without a source, say how the team checked this."),
                code="how_checked_required",
            )
        has_price = self.price_from is not None or self.price_to is not None
        if has_price and not (self.currency and self.checked_on):
            errors["currency"] = ValidationError(
                _("A quoted price needs its currency and the date it was quoted."),
                code="price_undated",
            )
        if errors:
            raise ValidationError(errors)
