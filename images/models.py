"""The image library: pictures, their words, and the copies patients download.

A picture on a medical page is medical content: the ``Image`` row (its file,
alt text and caption) is reviewed like words (``images/review.py``). The file
behind it is an ``ImageFile``, stored once and never changed, so that an
approved version can name exactly the picture its reviewer saw. Patients only
ever download ``Rendition``s: resized copies made by a task after approval,
re-encoded without any metadata, under fingerprinted names.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImageFile(models.Model):
    """One uploaded picture, cleaned of metadata, stored once by its digest."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    # The cleaned master copy in the public image storage; never served itself.
    name = models.CharField(_("stored name"), max_length=200, unique=True)
    format = models.CharField(_("format"), max_length=8)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size = models.PositiveIntegerField(_("size in bytes"))
    has_alpha = models.BooleanField(_("has transparency"), default=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image file")
        verbose_name_plural = _("image files")

    def __str__(self):
        return f"{self.sha256[:12]} ({self.width}×{self.height} {self.format})"

    def get_preview_url(self):
        """Staff only: the file as uploaded (cleaned), for editors and reviewers."""
        return reverse("images:preview", kwargs={"pk": self.pk})


class ImageQuerySet(models.QuerySet):
    def published(self):
        # An image has no draft state of its own: it shows once it is approved.
        return self


class Image(models.Model):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("For staff: how the library names the picture."),
    )
    file = models.ForeignKey(
        ImageFile,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=600,
        blank=True,
        help_text=_(
            "What a blind reader hears instead of the picture: the same facts "
            "the picture shows, in plain words. Required unless the picture is "
            "decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Only for a picture that adds no information (screen readers skip "
            "it). Give the reason below."
        ),
    )
    decorative_reason = models.CharField(
        _("why it is decorative"), max_length=300, blank=True
    )
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("Shown under the picture. Plain text; [ref:key] cites a source."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the picture, e.g. 'Drawn for CancerFax'."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=200,
        blank=True,
        help_text=_("Under which terms we may show it, e.g. 'Our own work'."),
    )
    focal_x = models.FloatField(
        _("focal point, across"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right. Crops keep this point."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    site_default = models.BooleanField(
        _("site's default sharing picture"),
        default=False,
        help_text=_(
            "Shown when a page without a picture of its own is shared "
            "(og:image). Only one image can be it; it shows once approved."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.UniqueConstraint(
                fields=["site_default"],
                condition=Q(site_default=True),
                name="images_one_site_default",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Images have no page of their own; the library is the admin's.
        return reverse("admin:images_image_change", args=[self.pk])

    def is_published(self):
        # No draft state: an image is shown once approved (and where placed).
        return True

    def clean(self):
        errors = {}
        if not self.decorative and not self.alt_text.strip():
            errors["alt_text"] = ValidationError(
                _(
                    "Describe the picture for readers who cannot see it, or mark "
                    "it decorative and say why."
                ),
                code="alt_text_required",
            )
        if self.decorative and not self.decorative_reason.strip():
            errors["decorative_reason"] = ValidationError(
                _("Say why the picture adds no information."),
                code="decorative_reason_required",
            )
        if (self.focal_x is None) != (self.focal_y is None):
            errors["focal_y"] = ValidationError(
                _("Give both parts of the focal point, or neither."),
                code="focal_point_half",
            )
        if errors:
            raise ValidationError(errors)


class Rendition(models.Model):
    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    class Crop(models.TextChoices):
        FIT = "fit", _("whole picture")
        SHARE = "share", _("sharing card (1200×630)")

    file = models.ForeignKey(
        ImageFile,
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="renditions",
    )
    crop = models.CharField(
        _("crop"), max_length=8, choices=Crop.choices, default=Crop.FIT
    )
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    # Fingerprinted (a digest of the bytes): served with a year-long cache.
    name = models.CharField(_("stored name"), max_length=200, unique=True)

    class Meta:
        ordering = ["file", "crop", "format", "width"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(
                fields=["file", "crop", "format", "width"],
                name="images_one_rendition_per_size",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def content_type(self):
        return f"image/{self.format}"
