"""Inquiries from patients, their medical records, and what coordinators do with them.

Every state change goes through ``inquiries.services``. Patient names and
filenames never appear in ``__str__``: it is what the admin log and messages show.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .countries import COUNTRY_CHOICES, COUNTRY_NAMES
from .indexes import QUEUE_INDEXES
from .workflow import OPEN_STATUSES, Outcome, Priority, Status

# No 0/O, 1/I/L or U: a reference is read over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A random reference such as ``CFX-7KQ2-9M4D`` (30**8, about 6.6e11 values)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"CFX-{chars[:4]}-{chars[4:]}"


class InquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        """Open inquiries nobody has answered yet whose first-response time passed."""
        return self.open().filter(
            first_responded_at__isnull=True,
            first_response_due__lt=now or timezone.now(),
        )

    def related_to(self, inquiry):
        """Other inquiries from the same e-mail address or phone number."""
        query = Q(pk__in=[])
        if inquiry.email:
            # UPPER(email) = ..., the indexed expression (iexact is LIKE on SQLite).
            query |= Q(Exact(Upper("email"), inquiry.email.upper()))
        if inquiry.phone:
            query |= Q(phone=inquiry.phone)
        return self.filter(query).exclude(pk=inquiry.pk)


class Inquiry(models.Model):
    class WriterRole(models.TextChoices):
        PATIENT = "patient", _("I am the patient")
        FAMILY = "family", _("A family member or friend")
        PHYSICIAN = "physician", _("The patient's doctor")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        ARABIC = "ar", _("Arabic")
        BENGALI = "bn", _("Bengali")
        CHINESE = "zh", _("Chinese")
        FRENCH = "fr", _("French")
        HINDI = "hi", _("Hindi")
        RUSSIAN = "ru", _("Russian")
        SPANISH = "es", _("Spanish")
        URDU = "ur", _("Urdu")
        OTHER = "other", _("Another language")

    class ContactMethod(models.TextChoices):
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Phone call")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Stage(models.TextChoices):
        UNKNOWN = "unknown", _("I don't know")
        STAGE_1 = "1", _("Stage I")
        STAGE_2 = "2", _("Stage II")
        STAGE_3 = "3", _("Stage III")
        STAGE_4 = "4", _("Stage IV")

    class Treatment(models.TextChoices):
        SURGERY = "surgery", _("Surgery")
        CHEMOTHERAPY = "chemotherapy", _("Chemotherapy")
        RADIOTHERAPY = "radiotherapy", _("Radiotherapy")
        TACE = "tace", _("TACE (chemoembolisation)")
        RFA = "rfa", _("RFA (radiofrequency ablation)")
        IMMUNOTHERAPY = "immunotherapy", _("Immunotherapy")
        TARGETED = "targeted", _("Targeted therapy")
        OTHER = "other", _("Other")

    Status = Status
    Outcome = Outcome
    Priority = Priority

    reference = models.CharField(
        _("reference"),
        max_length=16,
        unique=True,
        default=new_reference,
        editable=False,
        help_text=_("Random, so it can be read over the phone but not guessed."),
    )
    submission_key = models.CharField(
        _("submission key"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("Ties resubmissions of one form to one inquiry."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    # What the patient or their family sent.
    writer_role = models.CharField(
        _("who is writing"), max_length=16, choices=WriterRole.choices
    )
    # Blank only on an erased stub: the form requires both.
    patient_name = models.CharField(_("patient name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        help_text=_("With country code, digits only: +8613812345678."),
    )
    country = models.CharField(
        _("country of residence"), max_length=2, choices=COUNTRY_CHOICES
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
    )
    contact_method = models.CharField(
        _("preferred contact"),
        max_length=16,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    cancer_type = models.ForeignKey(
        "guides.CancerIndication",
        verbose_name=_("cancer type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
    )
    cancer_type_other = models.CharField(
        _("other cancer type"),
        max_length=200,
        blank=True,
        help_text=_("What the patient wrote when the type was not in the list."),
    )
    diagnosis_year = models.PositiveSmallIntegerField(
        _("year of diagnosis"), null=True, blank=True
    )
    diagnosis_month = models.PositiveSmallIntegerField(
        _("month of diagnosis"), null=True, blank=True
    )
    stage = models.CharField(
        _("stage"),
        max_length=8,
        choices=Stage.choices,
        default=Stage.UNKNOWN,
        blank=True,
    )
    treatments = models.JSONField(
        _("treatments so far"),
        default=list,
        blank=True,
        help_text=_("Codes from the list of treatments."),
    )
    treatments_other = models.CharField(
        _("other treatments"), max_length=300, blank=True
    )
    current_condition = models.TextField(_("current condition"), blank=True)
    questions = models.TextField(_("questions"), blank=True)

    consent_version = models.CharField(
        _("consent version"),
        max_length=16,
        help_text=_("Version of the health-data consent text the person agreed to."),
    )
    consent_given_at = models.DateTimeField(_("consent given"))
    privacy_notice = models.ForeignKey(
        "reviews.ContentVersion",
        verbose_name=_("privacy notice shown"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The approved version of the privacy notice the form linked to when "
            "the person gave consent. Empty when no notice was published yet."
        ),
    )
    marketing_consent = models.BooleanField(
        _("agreed to news by e-mail"), default=False
    )
    marketing_consent_at = models.DateTimeField(
        _("news consent given"), null=True, blank=True
    )

    source_guide = models.ForeignKey(
        "guides.Guide",
        verbose_name=_("guide of origin"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
    )
    source_guide_title = models.CharField(
        _("guide of origin (title)"),
        max_length=200,
        blank=True,
        help_text=_("Kept in case the guide is renamed or deleted."),
    )
    source_therapy = models.CharField(
        _("therapy of origin"), max_length=120, blank=True
    )
    ip_hash = models.CharField(
        _("connection fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the IP address, used only for the rate limit."),
    )

    # Triage.
    status = models.CharField(
        _("status"), max_length=32, choices=Status.choices, default=Status.NEW
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
    )
    first_response_due = models.DateTimeField(_("first response due"))
    first_responded_at = models.DateTimeField(
        _("first responded"),
        null=True,
        blank=True,
        help_text=_("When the inquiry first left 'New'."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    erased_at = models.DateTimeField(
        _("personal data erased"),
        null=True,
        blank=True,
        help_text=_("Set when a person's data was erased on request."),
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        permissions = [
            ("export_inquiry", _("Can export the inquiry queue as CSV")),
            ("erase_inquiry", _("Can erase a person's data from an inquiry")),
        ]
        indexes = [
            models.Index(fields=["ip_hash", "received_at"]),
            models.Index(fields=["status", "first_response_due"]),
            models.Index(fields=["email"]),
            models.Index(fields=["phone"]),
            *QUEUE_INDEXES,
        ]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("admin:inquiries_inquiry_change", args=[self.pk])

    @property
    def is_open(self):
        return self.status != Status.CLOSED

    @property
    def is_overdue(self):
        return (
            self.is_open
            and self.first_responded_at is None
            and self.first_response_due < timezone.now()
        )

    @property
    def cancer_type_label(self):
        if self.cancer_type_id:
            return self.cancer_type.name
        return self.cancer_type_other

    @property
    def country_name(self):
        return COUNTRY_NAMES.get(self.country, self.country)

    @property
    def time_to_first_response(self):
        if self.first_responded_at is None:
            return None
        return self.first_responded_at - self.received_at

    def treatment_labels(self):
        labels = dict(self.Treatment.choices)
        return [labels.get(code, code) for code in self.treatments]


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
        indexes = [models.Index(fields=["ip_hash", "uploaded_at"])]

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


class AccessLog(models.Model):
    """Who looked at or downloaded what, and when. Written once, never edited."""

    class Action(models.TextChoices):
        VIEW_INQUIRY = "view_inquiry", _("Viewed an inquiry")
        DOWNLOAD_FILE = "download_file", _("Downloaded a file")
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
    username = models.CharField(
        _("username"), max_length=150, help_text=_("Kept if the account is deleted.")
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
