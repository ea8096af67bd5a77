"""The access log, the rate counters and held submissions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inquiry import Inquiry


class AccessLog(models.Model):
    """Who looked at or downloaded what, and when. Written once, never edited."""

    class Action(models.TextChoices):
        VIEW_INQUIRY = "view_inquiry", _("Viewed an inquiry")
        DOWNLOAD_FILE = "download_file", _("Downloaded a file")
        VIEW_FILE = "view_file", _("Viewed a file in the record viewer")
        EXPORT_CSV = "export_csv", _("Exported the queue as CSV")
        PATIENT_VIEW = "patient_view", _("Patient opened the secure link")
        PATIENT_UPLOAD = "patient_upload", _("Patient uploaded a file")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The account's sign-in name (its e-mail address), as long as an EmailField.
    username = models.CharField(
        _("signed in as"),
        max_length=254,
        help_text=_("Kept if the account is deleted."),
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_logs",
    )
    reference = models.CharField(_("reference"), max_length=16, blank=True)
    file_id = models.PositiveBigIntegerField(_("file number"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self):
        return f"{self.username}: {self.get_action_display()} {self.reference}".strip()


class RateCounter(models.Model):
    """How much of a limit one connection used in one time window.

    Raised by a conditional UPDATE (``inquiries.limits``), so parallel requests
    can never take more than the limit between them.
    """

    scope = models.CharField(_("limit"), max_length=16)
    key = models.CharField(_("connection fingerprint"), max_length=64)
    window_start = models.DateTimeField(_("window start"))
    used = models.PositiveIntegerField(_("used"), default=0)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="unique_rate_window"
            )
        ]

    def __str__(self):
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M}: {self.used}"


class HeldSubmission(models.Model):
    """A form that filled in the hidden spam-trap field: kept for a person to judge.

    Browsers' autofill sometimes fills that field for a real patient, so nothing
    is dropped: a coordinator releases it into the queue or deletes it.
    """

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    trap_value = models.CharField(
        _("hidden field value"),
        max_length=200,
        blank=True,
        help_text=_("What was typed into the field people never see."),
    )
    data = models.JSONField(_("form data"), default=dict)
    staging_key = models.CharField(
        _("staging key"), max_length=64, unique=True, editable=False
    )
    consent_version = models.CharField(_("consent version"), max_length=16)
    consent_language = models.CharField(
        _("consent language"), max_length=10, blank=True
    )
    transfer_consent_version = models.CharField(
        _("transfer consent version"), max_length=16, blank=True
    )
    marketing_consent = models.BooleanField(
        _("agreed to news by e-mail"), default=False
    )
    source_guide = models.ForeignKey(
        "guides.Guide",
        verbose_name=_("guide of origin"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ip_hash = models.CharField(
        _("connection fingerprint"), max_length=64, blank=True, editable=False
    )
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    inquiry = models.OneToOneField(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The inquiry created when a coordinator released it."),
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("held submission (spam trap)")
        verbose_name_plural = _("held submissions (spam trap)")

    def __str__(self):
        return _("Held submission %(number)s") % {"number": self.pk}
