"""The inquiry's medical records and its timeline."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..workflow import Status
from .inquiry import Inquiry


class InquiryFile(models.Model):
    """A medical record: staged while the form is being filled, then attached."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        DICOM = "dicom", "DICOM"

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
        help_text=_("Empty while the file is staged and the form not yet sent."),
    )
    stored_name = models.CharField(
        _("stored name"),
        max_length=100,
        unique=True,
        editable=False,
        help_text=_("Random path inside the private storage."),
    )
    original_name = models.CharField(
        _("original name"),
        max_length=255,
        help_text=_("As sent by the browser, cleaned. Shown to coordinators only."),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    warnings = models.CharField(
        _("warnings"),
        max_length=300,
        blank=True,
        help_text=_("Active content found in the file (JavaScript, launch actions…)."),
    )
    checked_at = models.DateTimeField(
        _("deep check done"),
        null=True,
        blank=True,
        help_text=_("Empty until the file was parsed after the inquiry was stored."),
    )
    check_queued_at = models.DateTimeField(
        _("deep check queued"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the deep check was last queued or started. A file still unchecked "
            "INQUIRY_SCAN_RETRY_MINUTES later is queued again by the sweep."
        ),
    )
    staging_key = models.CharField(
        _("staging key"), max_length=64, blank=True, db_index=True, editable=False
    )
    session_hash = models.CharField(
        _("session fingerprint"), max_length=64, blank=True, editable=False
    )
    ip_hash = models.CharField(
        _("connection fingerprint"), max_length=64, blank=True, editable=False
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("medical record file")
        verbose_name_plural = _("medical record files")
        indexes = [
            models.Index(fields=["ip_hash", "uploaded_at"]),
            # The sweep for lost checks runs every few minutes; only the few
            # attached files still unchecked are in this index.
            models.Index(
                fields=["check_queued_at"],
                condition=Q(checked_at__isnull=True, inquiry__isnull=False),
                name="inquiryfile_check_pending",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} file {self.pk}"

    def get_absolute_url(self):
        return reverse("admin:inquiries_inquiry_file", args=[self.inquiry_id, self.pk])

    @property
    def is_flagged(self):
        return bool(self.warnings)


class InquiryEvent(models.Model):
    """One line of an inquiry's timeline: who did what, and when."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        PRIORITY = "priority", _("Priority changed")
        NOTE = "note", _("Internal note")
        EMAIL = "email", _("E-mail")
        CONSENT = "consent", _("Consent")
        ERASED = "erased", _("Personal data erased")

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("Written by the system; never contains health data."),
    )
    from_status = models.CharField(
        _("from status"), max_length=32, choices=Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=32, choices=Status.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
