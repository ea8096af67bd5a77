"""The editors' side of review: unsubmitted edits and reviewers' comments.

Saving content in the admin changes the live rows (the *working copy*) and
records who edited it; nothing reaches a reviewer until an editor submits it,
which captures one version for however many saves came before. Each edit row is
claimed by the version that carries it, so four-eyes knows everyone who edited
a version, not only the person who pressed "Submit".
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel


class WorkingCopyEditQuerySet(models.QuerySet):
    def of(self, model_or_obj, object_id=None):
        if object_id is None:
            object_id = model_or_obj.pk
        return self.filter(
            content_type=ContentType.objects.get_for_model(model_or_obj),
            object_id=object_id,
        )

    def unsubmitted(self):
        return self.filter(version__isnull=True)


class WorkingCopyEdit(models.Model):
    """Someone saved changes to an item; ``version`` is set once they are submitted."""

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of content"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("last saved"), default=timezone.now)
    version = models.ForeignKey(
        "reviews.ContentVersion",
        verbose_name=_("submitted in version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="edits",
    )

    objects = WorkingCopyEditQuerySet.as_manager()

    class Meta:
        ordering = ["-edited_at"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "version"],
                name="reviews_edit_lookup",
            )
        ]
        verbose_name = _("working copy edit")
        verbose_name_plural = _("working copy edits")

    def __str__(self):
        return f"{self.edited_by} {self.edited_at:%Y-%m-%d %H:%M}"


class ReviewComment(AppendOnlyModel):
    """A reviewer's comment on one part of an item (a section, an item of it).

    ``anchor`` names the part as the content kind's diff does ("section-12",
    "item-40"); the edit page shows the comment beside that part. ``label`` is how
    the part was called when the comment was written, for the record.
    """

    record = models.ForeignKey(
        "reviews.ReviewRecord",
        verbose_name=_("review record"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    anchor = models.CharField(_("part"), max_length=100)
    label = models.CharField(_("part, as named then"), max_length=300)
    text = models.TextField(_("comment"))

    class Meta(AppendOnlyModel.Meta):
        ordering = ["pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return f"{self.label}: {self.text[:60]}"
