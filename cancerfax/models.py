from django.conf import settings
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


class ScheduledTaskRun(models.Model):
    """When a periodic task (``SCHEDULED_TASKS``) was last enqueued, anywhere.

    ``run_schedule`` moves ``last_enqueued_at`` with a conditional UPDATE before
    it enqueues, so servers that run the schedule at once enqueue a task once.
    """

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled task run")
        verbose_name_plural = _("scheduled task runs")

    def __str__(self):
        return self.name


class StaffEnrolmentLink(models.Model):
    """A link e-mailed to a staff account to set up its one-time codes.

    The e-mailed token is signed and carries a random nonce stored here only as a
    hash: the link works once (``used_at`` is set by a conditional UPDATE), for
    its own account, and not after ``STAFF_OTP_ENROLMENT_HOURS``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    nonce_hash = models.CharField(_("nonce hash"), max_length=64, unique=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The administrator who sent it; empty when the member asked."),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    used_at = models.DateTimeField(_("used or cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("two-factor set-up link")
        verbose_name_plural = _("two-factor set-up links")

    def __str__(self):
        return str(_("Set-up link %(id)s") % {"id": self.pk})
