from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cancerfax.content import Publishable, meta_description_field
from cancerfax.fields import RichTextField
from cancerfax.sanitize import clean_html
from reviews.citing import MARKER_HELP, validate_markers

from .sections import (
    REFERENCE_FIELDS,
    SECTION_KINDS,
    SECTION_REFERENCE_FIELDS,
    SectionKind,
)


def citing_help(text=""):
    """A field's help text followed by how to cite a source in it."""
    return format_lazy("{} {}", text, MARKER_HELP) if text else MARKER_HELP


def image_field(verbose_name, help_text):
    """An optional picture from the library. While a working copy shows it, the
    image cannot be deleted; an approved version's is guarded by ``references``."""
    return models.ForeignKey(
        "images.Image",
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=help_text,
    )


class Guide(Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the address: /guides/the-slug/."),
    )
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="guides",
    )
    lede = models.TextField(
        _("lede"),
        help_text=citing_help(
            _("The short introduction under the title, in plain language.")
        ),
        validators=[validate_markers],
    )
    meta_description = meta_description_field()
    featured = models.BooleanField(_("featured on the home page"), default=False)
    lead_image = image_field(
        _("lead image"),
        _(
            "Shown under the title and when the page is shared. Patients see it "
            "once both the guide and the image are approved."
        ),
    )
    related_guides = models.ManyToManyField(
        "self",
        verbose_name=_("related guides"),
        symmetrical=False,
        blank=True,
        help_text=_(
            "Shown by a 'Related guides' section. Only published guides appear."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["topic__order", "title"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:detail", kwargs={"slug": self.slug})


class CancerIndication(Publishable):
    class EvidenceStrength(models.TextChoices):
        # A fixed scale, worded for what the studies can support: none of its
        # steps says a treatment works, and none means a regulator approved it.
        RANDOMISED_MIXED = "randomised_mixed", _("Randomised trials, mixed results")
        TRIALS = "trials", _("Studied in trials, not approved")
        EARLY = "early", _("Early studies only")

    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        help_text=_("The last part of the address: /cancers/the-slug/."),
    )
    summary = RichTextField(
        _("summary"),
        help_text=citing_help(_("What patients should know first, in a paragraph.")),
        validators=[validate_markers],
    )
    evidence_overview = RichTextField(
        _("evidence overview"),
        blank=True,
        help_text=citing_help(
            _("What the studies show, with their limits, in plain language.")
        ),
        validators=[validate_markers],
    )
    evidence_strength = models.CharField(
        _("evidence label"),
        max_length=16,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.EARLY,
        help_text=_(
            "The badge on the page. Randomised trials, mixed results: more than "
            "one randomised trial, and they disagree or leave survival unclear. "
            "Studied in trials, not approved: trials exist, mostly small or at "
            "unclear risk of bias. Early studies only: small, early or "
            "unrandomised studies. Pick the step the text below can support."
        ),
    )
    guides = models.ManyToManyField(
        Guide,
        verbose_name=_("guides that cover it"),
        related_name="indications",
        blank=True,
    )
    meta_description = meta_description_field()
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cancer type")
        verbose_name_plural = _("cancer types")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("guides:indication", kwargs={"slug": self.slug})


class Section(models.Model):
    Kind = SectionKind

    guide = models.ForeignKey(
        Guide,
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Sections are shown from low to high.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=SectionKind.choices,
        help_text=_(
            "Decides which fields the section has. Save once after choosing it to "
            "see them."
        ),
    )
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=citing_help(
            _("Plain text under the heading. Blank lines start new paragraphs.")
        ),
        validators=[validate_markers],
    )
    body = RichTextField(
        _("text"), blank=True, help_text=citing_help(), validators=[validate_markers]
    )
    quote = models.TextField(
        _("quotation"),
        blank=True,
        help_text=citing_help(),
        validators=[validate_markers],
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=200,
        blank=True,
        help_text=_("Who said it. Leave blank for the guide's own words."),
    )
    image = image_field(
        _("image"), _("From the image library: search it, or add a new image.")
    )
    button_label = models.CharField(
        _("button label"),
        max_length=80,
        blank=True,
        help_text=_("The button leads to the inquiry form and names this guide."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        label = self.heading or self.get_kind_display()
        return f"{self.order}. {label}"

    def clean_fields(self, exclude=None):
        # The kind's required fields are checked here, not in ``clean()``: a form
        # that does not show a field (the guide's list of sections) must not get
        # an error for it.
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        spec = SECTION_KINDS.get(self.kind)
        # A new section only has its kind: its own fields appear after the first save.
        if spec is not None and not self._state.adding:
            for name in spec.required:
                if name in (exclude or ()) or self._has_words(name):
                    continue
                errors.setdefault(name, []).append(
                    ValidationError(
                        _("A %(kind)s section needs this field."),
                        code="required_for_kind",
                        params={"kind": self.get_kind_display().lower()},
                    )
                )
        if errors:
            raise ValidationError(errors)

    def _has_words(self, name):
        if name in SECTION_REFERENCE_FIELDS:
            return getattr(self, f"{name}_id") is not None
        value = str(getattr(self, name) or "")
        if isinstance(self._meta.get_field(name), RichTextField):
            # What is left for a patient to read once the HTML is sanitised.
            value = strip_tags(clean_html(value))
        return bool(value.strip())

    @property
    def spec(self):
        return SECTION_KINDS[self.kind]


class SectionItem(models.Model):
    class Group(models.TextChoices):
        BENEFIT = "benefit", _("Benefit")
        LIMITATION = "limitation", _("Limitation")

    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=citing_help(_("Plain text. Blank lines start new paragraphs.")),
        validators=[validate_markers],
    )
    figure = models.CharField(
        _("figure"),
        max_length=40,
        blank=True,
        help_text=_("The number itself, as it should appear: '100+', '14–21 days'."),
    )
    group = models.CharField(
        _("column"), max_length=16, choices=Group.choices, blank=True
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the figure comes from, if it should be shown."),
    )
    indication = models.ForeignKey(
        CancerIndication,
        verbose_name=_("cancer type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    faq_entry = models.ForeignKey(
        "faq.FaqEntry",
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    fact = models.ForeignKey(
        "guides.Fact",
        verbose_name=_("practical fact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    image = image_field(_("image"), _("Optional, from the image library."))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.title or self.figure or self.text[:60] or str(self.pk)

    def label(self):
        """What names the item in the editor: its words, else what it points at."""
        named = self.title or self.figure or self.text[:60]
        if not named and self.faq_entry_id:
            named = self.faq_entry.question
        if not named and self.indication_id:
            named = self.indication.name
        if not named and self.fact_id:
            named = str(self.fact)
        return named or gettext("Item %(number)s") % {"number": self.pk}

    def clean(self):
        if not self.section_id:
            return
        spec = self.section.spec
        errors = {
            name: ValidationError(
                _("Items of this section need this field."),
                code="required_for_kind",
            )
            for name in spec.item_required
            if not self._value(name)
        }
        if errors:
            raise ValidationError(errors)

    def _value(self, name):
        if name in REFERENCE_FIELDS:
            return getattr(self, f"{name}_id")
        return getattr(self, name)

    def snapshot_value(self, name):
        """``(key, value)`` of a field in a snapshot: references keep their id."""
        key = f"{name}_id" if name in REFERENCE_FIELDS else name
        return key, self._value(name)


# Citations live beside the guides and key numbers that cite them.
from .citations import Citation  # noqa: E402, F401
from .facts import Fact  # noqa: E402, F401
