"""An inquiry: what the patient or family sent, and where it stands."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..countries import COUNTRY_CHOICES, COUNTRY_NAMES
from ..indexes import QUEUE_INDEXES
from ..workflow import OPEN_STATUSES, Activity, Outcome, Priority, Status
from .consents import InquiryConsents

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

    def needing_reply(self):
        """Open inquiries with something no message to the patient answered."""
        return self.open().filter(needs_reply=True)

    def related_to(self, inquiry):
        """Other inquiries from the same e-mail address or phone number."""
        query = Q(pk__in=[])
        if inquiry.email:
            # UPPER(email) = ..., the indexed expression (iexact is LIKE on SQLite).
            query |= Q(Exact(Upper("email"), inquiry.email.upper()))
        if inquiry.phone:
            query |= Q(phone=inquiry.phone)
        return self.filter(query).exclude(pk=inquiry.pk)


class Inquiry(InquiryConsents, models.Model):
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
    consent_language = models.CharField(
        _("consent language"),
        max_length=10,
        blank=True,
        help_text=_(
            "The language the form and its consent texts were shown in (a site "
            "language). Empty: English, from before the site had languages."
        ),
    )
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
    transfer_consent_version = models.CharField(
        _("transfer consent version"),
        max_length=16,
        blank=True,
        help_text=_(
            "Version of the consent to send the records to partner hospitals "
            "abroad (it names their countries). Empty: not given."
        ),
    )
    transfer_consent_given_at = models.DateTimeField(
        _("transfer consent given"), null=True, blank=True
    )
    transfer_consent_language = models.CharField(
        _("transfer consent language"),
        max_length=10,
        blank=True,
        help_text=_("The language the transfer consent was shown in."),
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
    # What the queue row shows and orders by; written by ``inquiries.activity``.
    last_activity = models.CharField(
        _("last activity"),
        max_length=24,
        choices=Activity.choices,
        default=Activity.RECEIVED,
    )
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    needs_reply = models.BooleanField(
        _("needs a reply"),
        default=True,
        help_text=_(
            "Something arrived (the inquiry, a reply, records, an assessment) "
            "that no message to the patient has answered yet."
        ),
    )
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
