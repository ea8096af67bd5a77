"""E-mails queued for sending: the record of every message."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inquiry import Inquiry


class OutboxEmailQuerySet(models.QuerySet):
    def pending(self, now=None):
        """Unsent messages whose next attempt is due and that nobody is sending."""
        now = now or timezone.now()
        return self.filter(
            sent_at__isnull=True,
            attempts__lt=settings.INQUIRY_OUTBOX_MAX_ATTEMPTS,
            next_attempt_at__lte=now,
        ).filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))

    def failed(self):
        return self.filter(sent_at__isnull=True).exclude(last_error="")


class OutboxEmail(models.Model):
    """An e-mail stored with the inquiry and sent after the transaction commits."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the sender")
        COORDINATOR_ALERT = "coordinator_alert", _("Alert to the coordinators")
        PATIENT_NOTICE = "patient_notice", _("New-message notice to the patient")
        ACTIVITY_ALERT = "activity_alert", _("New activity alert to the assignee")
        CLINICIAN_REQUEST = "clinician_request", _("Case sent to a clinician")

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("body"), help_text=_("Plain text, without health data by construction.")
    )
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    locked_until = models.DateTimeField(
        _("being sent until"),
        null=True,
        blank=True,
        help_text=_("A sender claimed the message; others leave it alone until then."),
    )

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"])]

    def __str__(self):
        reference = self.inquiry.reference if self.inquiry_id else "-"
        return f"{self.get_kind_display()} ({reference})"

    @property
    def state(self):
        if self.sent_at:
            return _("sent")
        if self.attempts >= settings.INQUIRY_OUTBOX_MAX_ATTEMPTS:
            return _("gave up")
        if self.last_error:
            return _("failed, will retry")
        return _("queued")
