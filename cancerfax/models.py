from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OldAddress(models.Model):
    """An address a page had before its slug changed: it answers 301.

    It points at the page, not at its next address, so a page renamed twice
    sends both old addresses straight to the current one (no chains).
    """

    path = models.CharField(_("old address"), max_length=300, unique=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("moved on"), auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.path

    def target(self):
        """The page now, or ``None`` if it was deleted."""
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()
