"""E-mails queued for sending: the record of every message."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cancerfax.retries import Retried, RetriedQuerySet, retried_state

from .inquiry import Inquiry


class OutboxEmailQuerySet(RetriedQuerySet):
    done_field = "sent_at"
    max_attempts_setting = "INQUIRY_OUTBOX_MAX_ATTEMPTS"


class OutboxEmail(Retried):
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

    objects = OutboxEmailQuerySet.as_manager()

    class Meta(Retried.Meta):
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"])]

    def __str__(self):
        reference = self.inquiry.reference if self.inquiry_id else "-"
        return f"{self.get_kind_display()} ({reference})"

    @property
    def state(self):
        return retried_state(
            self,
            done=self.sent_at is not None,
            max_attempts=settings.INQUIRY_OUTBOX_MAX_ATTEMPTS,
            done_label=_("sent"),
        )
