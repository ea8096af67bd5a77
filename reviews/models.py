"""Medical review: who reviews, the versions they approve, and the evidence.

A ``ContentVersion`` is a stored snapshot of one reviewed item (a guide with all
its sections, an FAQ answer, a cancer type page). A ``ReviewRecord`` says what a
reviewer decided about one version; records are append-only. Patients only ever
see the item's approved version.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guides.sections import SectionKind


class AppendOnlyError(PermissionDenied):
    """Raised on any attempt to change or delete an append-only row."""


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes: a correction is a new row, never an edit."""

    def update(self, **kwargs):
        raise AppendOnlyError(_("Review records cannot be changed."))

    def delete(self):
        raise AppendOnlyError(_("Review records cannot be deleted."))

    delete.queryset_only = True


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        # Django's internal reads and writes use the base manager: make it refuse
        # bulk changes too.
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                _("Review records cannot be changed; add a new record instead.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Review records cannot be deleted."))


class Reviewer(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        PANEL = "panel", _("Panel")

    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.PERSON
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("As patients see it: 'Dr Jane Smith' or the panel's name."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        blank=True,
        help_text=_("Shown after the name: 'MBBS, MRCP' or the panel's make-up."),
    )
    specialty = models.CharField(_("specialty"), max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewer_profile",
        help_text=_(
            "The account this person signs in with. Review reminders go to its "
            "e-mail address."
        ),
    )
    members = models.ManyToManyField(
        "self",
        verbose_name=_("panel members"),
        symmetrical=False,
        blank=True,
        related_name="panels",
        limit_choices_to={"kind": Kind.PERSON},
        help_text=_(
            "For a panel: the people who review in its name. They receive its "
            "reminders and may record its reviews."
        ),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive reviewers keep their records but review nothing new."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self):
        if self.credentials:
            return f"{self.name} ({self.credentials})"
        return self.name

    def schema_org(self):
        """This reviewer as a schema.org ``Person`` or ``Organization``."""
        if self.kind == self.Kind.PANEL:
            data = {"@type": "Organization", "name": self.name}
            if self.credentials:
                data["description"] = self.credentials
        else:
            data = {"@type": "Person", "name": self.name}
            if self.credentials:
                data["honorificSuffix"] = self.credentials
        if self.specialty:
            data["knowsAbout"] = self.specialty
        return data


class Citation(models.Model):
    title = models.CharField(_("title"), max_length=400)
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("The journal, guideline body or publisher."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    pmid = models.CharField(
        _("PubMed ID"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(r"^\d{1,10}$", _("A PubMed ID is digits only."), "pmid")
        ],
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                r"^10\.\d{4,9}/\S+$", _("A DOI looks like 10.1000/xyz123."), "doi"
            )
        ],
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    guides = models.ManyToManyField(
        "guides.Guide",
        verbose_name=_("guides"),
        blank=True,
        related_name="citations",
        help_text=_("Guides that list this source among their references."),
    )
    key_numbers = models.ManyToManyField(
        "guides.SectionItem",
        verbose_name=_("key numbers"),
        blank=True,
        related_name="citations",
        limit_choices_to={"section__kind": SectionKind.KEY_NUMBERS},
        help_text=_("The key numbers this source supports."),
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"{self.title} ({self.source}, {self.year})"

    def clean(self):
        if not (self.pmid or self.doi or self.url):
            raise ValidationError(
                _("Give a PubMed ID, a DOI or a web address so readers can find it."),
                code="identifier_required",
            )

    def build_snapshot(self):
        return {
            "id": self.pk,
            "title": self.title,
            "source": self.source,
            "year": self.year,
            "pmid": self.pmid,
            "doi": self.doi,
            # Only web links: a value saved past validation must not become a
            # javascript: link on the page.
            "url": self.url if self.url.startswith(("https://", "http://")) else "",
        }


class ReviewedKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    FAQ = "faq", _("FAQ answer")
    INDICATION = "indication", _("Cancer type page")


class ContentVersionQuerySet(models.QuerySet):
    def of(self, kind, object_id):
        return self.filter(kind=kind, object_id=object_id)

    def approved(self):
        return self.filter(status=ContentVersion.Status.APPROVED)


class ContentVersion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved: shown to patients")
        SUPERSEDED = "superseded", _("Superseded")

    kind = models.CharField(_("kind"), max_length=16, choices=ReviewedKind.choices)
    object_id = models.PositiveBigIntegerField(_("item id"))
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(
        _("title"), max_length=400, help_text=_("The item's name when captured.")
    )
    snapshot = models.JSONField(_("content"))
    non_clinical_only = models.BooleanField(
        _("non-clinical change only"),
        default=False,
        help_text=_(
            "Differs from the approved version only in non-clinical parts such as "
            "the call to action."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for versions captured by a management command."),
    )
    created_at = models.DateTimeField(_("captured"), default=timezone.now)

    objects = ContentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "number"],
                name="reviews_version_number_unique",
            ),
            models.UniqueConstraint(
                fields=["kind", "object_id"],
                condition=models.Q(status="approved"),
                name="reviews_one_approved_version",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status", "object_id"])]
        permissions = [
            (
                "publish_minor_change",
                _("Can publish a non-clinical change without medical review"),
            )
        ]
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return _("%(title)s, version %(number)s") % {
            "title": self.title,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse("admin:reviews_contentversion_review", args=[self.pk])

    def is_reviewable(self):
        return self.status in {self.Status.PENDING, self.Status.CHANGES_REQUESTED}


class ReviewDashboard(ContentVersion):
    """An admin entry for the review dashboard; it stores nothing of its own."""

    class Meta:
        proxy = True
        verbose_name = _("review dashboard")
        verbose_name_plural = _("review dashboard")


class ReviewRecord(AppendOnlyModel):
    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    class Kind(models.TextChoices):
        FULL = "full", _("Full review")
        CONFIRMED = "confirmed", _("Confirmed still accurate, no changes")
        MINOR = "minor", _("Minor non-clinical change")

    version = models.ForeignKey(
        ContentVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    kind = models.CharField(_("kind of review"), max_length=16, choices=Kind.choices)
    reviewers = models.ManyToManyField(
        Reviewer,
        verbose_name=_("reviewed by"),
        through="ReviewRecordReviewer",
        related_name="records",
        blank=True,
    )
    reviewed_on = models.DateField(_("reviewed on"), default=timezone.localdate)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Set for approvals; the default interval depends on the kind."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Required when asking for changes: the editor reads this."),
    )
    evidence_checked = models.TextField(
        _("evidence checked"),
        blank=True,
        help_text=_("The sources and guidelines checked during this review."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta(AppendOnlyModel.Meta):
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = _("review record")
        verbose_name_plural = _("review records")

    def __str__(self):
        return _("%(version)s: %(outcome)s on %(date)s") % {
            "version": self.version,
            "outcome": self.get_outcome_display().lower(),
            "date": self.reviewed_on,
        }

    def clean(self):
        errors = {}
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = ValidationError(
                _("A review cannot be dated in the future."), code="future_review"
            )
        if self.outcome == self.Outcome.CHANGES_REQUESTED and not self.notes.strip():
            errors["notes"] = ValidationError(
                _("Say what needs to change: the editor reads this."),
                code="notes_required",
            )
        dated = self.outcome == self.Outcome.APPROVED and self.kind != self.Kind.MINOR
        if dated and not self.next_review_due:
            errors["next_review_due"] = ValidationError(
                _("An approval needs a next review date."), code="due_required"
            )
        elif (
            dated
            and self.reviewed_on
            and self.next_review_due
            and self.next_review_due <= self.reviewed_on
        ):
            errors["next_review_due"] = ValidationError(
                _("The next review must come after this one."), code="due_too_early"
            )
        if errors:
            raise ValidationError(errors)

    def counts_as_review(self):
        """Whether this record moves 'Last reviewed' and 'Next review due'."""
        return self.outcome == self.Outcome.APPROVED and self.kind != self.Kind.MINOR


class ReviewRecordReviewer(AppendOnlyModel):
    record = models.ForeignKey(
        ReviewRecord, on_delete=models.CASCADE, related_name="reviewer_links"
    )
    reviewer = models.ForeignKey(
        Reviewer, on_delete=models.PROTECT, related_name="record_links"
    )

    class Meta(AppendOnlyModel.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["record", "reviewer"], name="reviews_record_reviewer_once"
            )
        ]
        verbose_name = _("reviewer of a record")
        verbose_name_plural = _("reviewers of records")

    def __str__(self):
        return str(self.reviewer)


class ReviewReminder(models.Model):
    """One reminder e-mail: at most one per reviewer and day."""

    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    sent_on = models.DateField(_("sent on"))
    email = models.EmailField(_("sent to"))
    summary = models.TextField(_("items listed"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "reviewer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "sent_on"], name="reviews_one_reminder_a_day"
            )
        ]
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")

    def __str__(self):
        return f"{self.reviewer.name}, {self.sent_on}"
