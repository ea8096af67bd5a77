"""Patient pages rendered once per approved state, and what each one shows.

A ``StoredPage`` is the HTML an anonymous visitor gets for one address. Its
``PageDependency`` rows are the dependency index: which items (or which whole kind
of item, for lists) the page showed. Changing what an item shows to patients
deletes every stored page that depends on it, in the same transaction.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoredPage(models.Model):
    path = models.CharField(_("address"), max_length=500, unique=True)
    body = models.TextField(_("HTML"))
    content_type = models.CharField(_("content type"), max_length=100)
    etag = models.CharField(_("ETag"), max_length=100)
    rendered_at = models.DateTimeField(_("rendered at"), default=timezone.now)

    class Meta:
        verbose_name = _("stored page")
        verbose_name_plural = _("stored pages")

    def __str__(self):
        return self.path


class PageDependency(models.Model):
    page = models.ForeignKey(
        StoredPage, on_delete=models.CASCADE, related_name="dependencies"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    # Empty: the page lists items of this kind, so any change of the kind counts.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="publishing_dependency"
            )
        ]
        verbose_name = _("page dependency")
        verbose_name_plural = _("page dependencies")

    def __str__(self):
        return f"{self.page.path} shows {self.content_type_id}/{self.object_id}"


class PageGeneration(models.Model):
    """One row, counted up by every invalidation.

    A page rendered while content changed must not be stored: a render notes the
    generation before it reads anything and stores only if it is unchanged.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("page generation")
        verbose_name_plural = _("page generation")

    def __str__(self):
        return str(self.number)
