"""Reviewer profiles, the log of their changes and the reminders they get."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel


class ReviewerQuerySet(models.QuerySet):
    def published(self):
        """Profiles patients may read about: active ones, and any who ever signed.

        Signatures on past approvals link to the profile, so a retired reviewer
        keeps a page. Its words still come from an approved version only.
        """
        return self.filter(Q(is_active=True) | self._signed())

    def with_signed(self):
        """Each profile with ``has_signed``, so ``is_published`` asks nothing
        more of the database (the admin's list)."""
        return self.annotate(has_signed=self._signed())

    def _signed(self):
        signatures = self.model._meta.get_field("record_links").related_model
        return Exists(signatures.objects.filter(reviewer=OuterRef("pk")))


class Reviewer(models.Model):
    """A person or panel who signs reviews; the profile itself is reviewed content.

    Name, credentials, specialty and biography reach patients on the reviewer's
    page only as a reviewer approved them (``reviews.profile_review``).
    """

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
    bio = models.TextField(
        _("biography"),
        blank=True,
        help_text=_(
            "Shown on the reviewer's public page, linked from every review line: "
            "training, experience and current post, in a few plain sentences. "
            "Blank lines start new paragraphs."
        ),
    )
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
    languages = models.CharField(
        _("reviews translations in"),
        max_length=200,
        blank=True,
        help_text=_(
            "Language codes this reviewer reads well enough to approve a medical "
            "translation, separated by spaces: 'ar zh-hans'. Only they may approve "
            "a translation into that language."
        ),
    )

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self):
        if self.credentials:
            return f"{self.name} ({self.credentials})"
        return self.name

    def get_absolute_url(self):
        return reverse("trust:reviewer", args=[self.pk])

    def clean(self):
        from .translations import target_languages

        unknown = set(self.language_codes()) - set(dict(target_languages()))
        if unknown:
            raise ValidationError(
                {
                    "languages": _(
                        "Not a language content is translated into: %(codes)s."
                    )
                    % {"codes": ", ".join(sorted(unknown))}
                },
                code="unknown_language",
            )

    def language_codes(self) -> list[str]:
        """The languages this reviewer declares they review translations in."""
        return self.languages.split()

    def is_published(self):
        if self.is_active:
            return True
        signed = getattr(self, "has_signed", None)
        return self.record_links.exists() if signed is None else signed


class ReviewerChange(AppendOnlyModel):
    """A logged change to a reviewer profile: who changed what, when."""

    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="changes",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changes = models.JSONField(
        _("changes"), help_text=_("Each changed field: [before, after].")
    )

    class Meta(AppendOnlyModel.Meta):
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("reviewer profile change")
        verbose_name_plural = _("reviewer profile changes")

    def __str__(self):
        return f"{self.reviewer.name}, {self.changed_at:%Y-%m-%d %H:%M}"


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
