"""What happens after triage: the conversation with the patient, the clinician's
assessment, and the treatment centres both can name.

State changes go through the service modules (``messaging``, ``patient_links``,
``assessments``, ``panel``). ``__str__`` never shows a name or health data: it is
what the admin log shows.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cancerfax.append_only import AppendOnlyError, AppendOnlyModel
from inquiries.countries import COUNTRY_CHOICES, COUNTRY_NAMES
from inquiries.models import Inquiry


class TreatmentCentre(models.Model):
    """A partner hospital or centre that assessments and replies can name."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    therapies = models.CharField(
        _("therapies offered"),
        max_length=300,
        help_text=_("Comma-separated, as a patient would read them: CIK, CAR-T…"),
    )
    coordinator_contact = models.TextField(
        _("contact for coordinators"),
        blank=True,
        help_text=_("Who to write to and how. Never shown to patients."),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive centres are no longer offered in new assessments."),
    )

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("treatment centre")
        verbose_name_plural = _("treatment centres")

    def __str__(self):
        return f"{self.name} ({self.city})"

    @property
    def country_name(self):
        return COUNTRY_NAMES.get(self.country, self.country)


class MessageTemplate(models.Model):
    """The starting text of a reply to a patient, per purpose and language."""

    class Purpose(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
        RECORDS_REQUESTED = "records_requested", _("Records requested")
        NOT_SUITABLE = "not_suitable", _("Not suitable")
        WORTH_CONSIDERING = "worth_considering", _("Worth considering: next steps")
        REFERRED = "referred", _("Referred to a centre")

    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Inquiry.Language.choices,
        default=Inquiry.Language.ENGLISH,
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. These placeholders are filled in: {reference}, "
            "{coordinator}, {centres}, {missing}, {reasoning}. Anything else in "
            "braces is left as written."
        ),
    )

    class Meta:
        ordering = ["purpose", "language"]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "language"], name="one_template_per_language"
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.language})"


class Message(models.Model):
    """One message of the conversation between coordinators and the patient."""

    class Direction(models.TextChoices):
        TO_PATIENT = "to_patient", _("To the patient")
        FROM_PATIENT = "from_patient", _("From the patient")

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    direction = models.CharField(_("direction"), max_length=16, choices=Direction)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The coordinator; empty for the patient's messages."),
    )
    body = models.TextField(_("text"), max_length=10_000)
    template_purpose = models.CharField(
        _("started from template"),
        max_length=24,
        choices=MessageTemplate.Purpose.choices,
        blank=True,
    )
    assessment = models.ForeignKey(
        "casework.Assessment",
        verbose_name=_("answers assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    notice = models.ForeignKey(
        "inquiries.OutboxEmail",
        verbose_name=_("e-mail notice"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The outbox e-mail that told the recipient about this message."),
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["inquiry", "direction", "created_at"])]

    def __str__(self):
        return f"{self.get_direction_display()} ({self.inquiry_id})"


class PatientLink(models.Model):
    """A signed link that lets the patient into one inquiry, until it expires."""

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        related_name="patient_links",
    )
    key_hash = models.CharField(
        _("key fingerprint"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 of the link's secret: the database alone opens nothing."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("patient link")
        verbose_name_plural = _("patient links")

    def __str__(self):
        return f"{_('Patient link')} {self.pk}"

    def is_usable(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class AssessmentRequest(models.Model):
    """A coordinator asks one clinician for an opinion on one inquiry."""

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        related_name="assessment_requests",
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("clinician"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="assessment_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    question = models.TextField(_("question for the clinician"), blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("assessment request")
        verbose_name_plural = _("assessment requests")

    def __str__(self):
        return f"{_('Assessment request')} {self.pk}"


class Assessment(AppendOnlyModel):
    """A clinician's structured, signed opinion. A later one supersedes it.

    Only a person's erasure request (``erase_for_person``) and the retention
    delete (the inquiry's cascade) remove one.
    """

    refuse_change = _("Assessments cannot be changed; record a new one instead.")
    refuse_delete = _("Assessments cannot be deleted.")

    class Conclusion(models.TextChoices):
        WORTH_CONSIDERING = "worth_considering", _("CIK may be worth considering")
        NOT_SUITABLE = "not_suitable", _("Not suitable")
        MORE_INFORMATION = "more_information", _("More information needed")
        OTHER_OPTION = "other_option", _("Another option suggested")

    class Ecog(models.IntegerChoices):
        FULLY_ACTIVE = 0, _("0: fully active")
        RESTRICTED = 1, _("1: restricted in strenuous activity")
        AMBULATORY = 2, _("2: up and about more than half the day")
        LIMITED = 3, _("3: in bed or chair more than half the day")
        DISABLED = 4, _("4: completely disabled")

    inquiry = models.ForeignKey(
        Inquiry,
        verbose_name=_("inquiry"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    request = models.ForeignKey(
        AssessmentRequest,
        verbose_name=_("request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
    )
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("clinician"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    diagnosis_confirmed = models.TextField(_("diagnosis as confirmed from the records"))
    stage_confirmed = models.CharField(
        _("stage as confirmed"), max_length=8, choices=Inquiry.Stage.choices
    )
    treatments_so_far = models.TextField(_("treatments so far"))
    ecog = models.PositiveSmallIntegerField(
        _("performance status (ECOG)"),
        choices=Ecog.choices,
        validators=[MaxValueValidator(4)],
    )
    missing = models.TextField(_("what is missing"), blank=True)
    conclusion = models.CharField(_("conclusion"), max_length=24, choices=Conclusion)
    reasoning = models.TextField(_("reasoning"))
    suggested_centres = models.ManyToManyField(
        TreatmentCentre,
        verbose_name=_("suggested centres"),
        blank=True,
        related_name="assessments",
    )
    centres_signed = models.JSONField(
        _("suggested centres as signed"),
        default=list,
        blank=True,
        editable=False,
        help_text=_(
            "Each suggested centre's name, city and country as they were when "
            "signed: what the assessment shows, whatever the centre is called later."
        ),
    )
    signed_name = models.CharField(
        _("signed by"),
        max_length=200,
        help_text=_("The clinician's name as it was when they signed."),
    )
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    content_sha256 = models.CharField(
        _("content fingerprint"),
        max_length=64,
        help_text=_("SHA-256 of what was signed: shows the text was never changed."),
    )

    class Meta(AppendOnlyModel.Meta):
        ordering = ["signed_at", "pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{_('Assessment')} {self.pk} ({self.get_conclusion_display()})"

    def signed_centres(self) -> list[TreatmentCentre]:
        """The suggested centres as signed, to display (unsaved copies)."""
        return [
            TreatmentCentre(
                pk=centre.get("id"),
                name=centre.get("name", ""),
                city=centre.get("city", ""),
                country=centre.get("country", ""),
            )
            for centre in self.centres_signed
        ]


@receiver(m2m_changed, sender=Assessment.suggested_centres.through)
def refuse_changing_signed_centres(sender, action, **kwargs):
    """The centres are written once, with the signature (``assessment_record``
    writes the rows directly); from either side, any later change is refused."""
    if action in ("pre_add", "pre_remove", "pre_clear"):
        raise AppendOnlyError(Assessment.refuse_change)
