"""Medical review: who reviews, the versions they approve, and the evidence.

A ``ContentVersion`` is a stored snapshot of one reviewed item, whatever the
content apps register (a guide with all its sections, an FAQ answer, ...). A
``ReviewRecord`` says what a reviewer decided about one version; records are
append-only. Patients only ever see the item's approved version.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyError, AppendOnlyModel  # noqa: F401
from .profiles import Reviewer, ReviewerChange, ReviewReminder  # noqa: F401
from .registry import reviewed_type_for, reviewed_type_of_content_type
from .signatures import CoSignature  # noqa: F401
from .translations import Translation, TranslationPolicy  # noqa: F401
from .working import ReviewComment, WorkingCopyEdit  # noqa: F401


class ContentVersionQuerySet(models.QuerySet):
    def of(self, model_or_obj, object_id=None):
        """Versions of one item: ``of(obj)`` or ``of(Model, pk)``."""
        if object_id is None:
            object_id = model_or_obj.pk
        return self.filter(
            content_type=ContentType.objects.get_for_model(model_or_obj),
            object_id=object_id,
        )

    def of_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def approved(self):
        return self.filter(status=ContentVersion.Status.APPROVED)

    def current(self):
        """The approved version and the one waiting, if any (not the history)."""
        return self.exclude(status__in=ContentVersion.CLOSED)

    def changes_requested_of(self, user):
        """Versions sent back that ``user`` submitted or saved an edit in.

        Only they are that editor's to fix; the rows may repeat (one per edit).
        """
        return self.filter(
            models.Q(created_by=user) | models.Q(edits__edited_by=user),
            status=ContentVersion.Status.CHANGES_REQUESTED,
        )


class ContentVersion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved: shown to patients")
        SUPERSEDED = "superseded", _("Superseded")
        WITHDRAWN = "withdrawn", _("Withdrawn by the editor")

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of content"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(
        _("title"), max_length=400, help_text=_("The item's name when captured.")
    )
    schema_version = models.PositiveSmallIntegerField(
        _("snapshot schema version"),
        default=1,
        help_text=_("The shape the content was stored in; older shapes are upgraded."),
    )
    snapshot = models.JSONField(_("content"))
    arrangement_only = models.BooleanField(
        _("arrangement only"),
        default=False,
        help_text=_(
            "Differs from the approved version only in arrangement (order, links, "
            "topic): it puts no new words in front of a patient."
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
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    note = models.TextField(
        _("note to the reviewer"),
        blank=True,
        help_text=_("What changed and why, from the editor who submitted it."),
    )

    objects = ContentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"],
                name="reviews_version_number_unique",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="approved"),
                name="reviews_one_approved_version",
            ),
        ]
        indexes = [
            models.Index(
                fields=["content_type", "status", "object_id"],
                name="reviews_version_lookup",
            )
        ]
        permissions = [
            (
                "publish_minor_change",
                _("Can publish an arrangement change (no new words) without review"),
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

    @property
    def reviewed(self):
        return reviewed_type_of_content_type(self.content_type_id)

    @property
    def kind(self):
        """The registered short name of the content kind ('guide', 'faq', ...)."""
        return self.reviewed.kind

    @cached_property
    def content(self):
        """The stored snapshot as its current type."""
        return self.reviewed.load(self.snapshot, self.schema_version)

    def is_reviewable(self):
        return self.status in {self.Status.PENDING, self.Status.CHANGES_REQUESTED}

    def is_withdrawable(self):
        """An editor may take a submission back until a reviewer has decided."""
        return self.status == self.Status.PENDING

    @classmethod
    def for_object(cls, obj, **fields):
        """An unsaved version of ``obj`` (its content type and id filled in)."""
        reviewed = reviewed_type_for(obj)
        return cls(content_type=reviewed.content_type, object_id=obj.pk, **fields)


# Versions that are history: replaced by a later one, or taken back.
ContentVersion.CLOSED = (
    ContentVersion.Status.SUPERSEDED,
    ContentVersion.Status.WITHDRAWN,
)


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
        MINOR = "minor", _("Arrangement change, no new words")
        CARRIED_OVER = "carried_over", _("Carried over when the item came under review")

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
    no_source_reasons = models.JSONField(
        _("claims without a source"),
        default=list,
        blank=True,
        help_text=_(
            "Each sentence that made a claim without citing a source when this "
            "version was approved, and the reviewer's reason it needs none: "
            "[{part, sentence, reason}]."
        ),
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
        dated = self.outcome == self.Outcome.APPROVED and self.kind in COUNTING_KINDS
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
        return self.outcome == self.Outcome.APPROVED and self.kind in COUNTING_KINDS


COUNTING_KINDS = (ReviewRecord.Kind.FULL, ReviewRecord.Kind.CONFIRMED)


class ReviewRecordReviewer(AppendOnlyModel):
    """One signature on a record: who signed, as their profile read that day.

    Pages show these copies, never the live profile: renaming a profile later
    does not rewrite what past approvals say.
    """

    record = models.ForeignKey(
        ReviewRecord, on_delete=models.CASCADE, related_name="reviewer_links"
    )
    reviewer = models.ForeignKey(
        Reviewer, on_delete=models.PROTECT, related_name="record_links"
    )
    name = models.CharField(_("name"), max_length=200)
    credentials = models.CharField(_("credentials"), max_length=200, blank=True)
    specialty = models.CharField(_("specialty"), max_length=200, blank=True)
    reviewer_kind = models.CharField(
        _("kind"), max_length=16, choices=Reviewer.Kind.choices
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The account that signed in its own session; empty for records "
            "written by a command."
        ),
    )

    class Meta(AppendOnlyModel.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["record", "reviewer"], name="reviews_record_reviewer_once"
            )
        ]
        verbose_name = _("signature on a record")
        verbose_name_plural = _("signatures on records")

    def __str__(self):
        if self.credentials:
            return f"{self.name} ({self.credentials})"
        return self.name

    @classmethod
    def signed(cls, record, reviewer, signed_by=None, *, approved=None):
        """The signature of ``reviewer`` on ``record``, copied from the profile.

        ``approved`` is the profile's approved snapshot: its words are what
        patients may read. A profile never approved yet signs with its name as
        it stands (someone has to sign the first profile's approval); its public
        page stays hidden until a colleague approves it.
        """
        profile = approved or reviewer
        return cls(
            record=record,
            reviewer=reviewer,
            signed_by=signed_by,
            name=profile.name,
            credentials=profile.credentials,
            specialty=profile.specialty,
            reviewer_kind=reviewer.kind,
        )

    def schema_org(self, *, url=""):
        """This signature as a schema.org ``Person`` or ``Organization``; ``url``
        is the reviewer's public page, given only where patients may open it."""
        if self.reviewer_kind == Reviewer.Kind.PANEL:
            data = {"@type": "Organization", "name": self.name}
            if self.credentials:
                data["description"] = self.credentials
        else:
            data = {"@type": "Person", "name": self.name}
            if self.credentials:
                data["honorificSuffix"] = self.credentials
        if self.specialty:
            data["knowsAbout"] = self.specialty
        if url:
            data["url"] = url
        return data
