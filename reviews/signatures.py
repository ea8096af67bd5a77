"""Signatures given towards an approval that needs more than one signer.

Where a kind needs two signers (``REVIEW_SIGNERS_REQUIRED``), the first
reviewer's approval is kept here until a second person, in their own session,
signs too; only then is the review record written, naming exactly the people who
signed. Like records, these are evidence: append-only.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .profiles import Reviewer


class CoSignature(AppendOnlyModel):
    """One reviewer profile signed by one user towards a record not yet written."""

    class Kind(models.TextChoices):
        # The same values as ``ReviewRecord.Kind``: the record it goes towards.
        FULL = "full", _("Full review")
        CONFIRMED = "confirmed", _("Confirmed still accurate, no changes")

    version = models.ForeignKey(
        "reviews.ContentVersion",
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="cosignatures",
    )
    kind = models.CharField(_("kind of review"), max_length=16, choices=Kind.choices)
    # The number of records the version had when this was signed: a record
    # written since (a decision by anyone) closes the round, and its pending
    # signatures count no more.
    round = models.PositiveIntegerField(_("round"))
    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="cosignatures",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField(_("reviewed on"), default=timezone.localdate)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    evidence_checked = models.TextField(_("evidence checked"), blank=True)
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta(AppendOnlyModel.Meta):
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "kind", "round", "reviewer"],
                name="reviews_cosignature_once",
            )
        ]
        verbose_name = _("signature awaiting a co-signer")
        verbose_name_plural = _("signatures awaiting a co-signer")

    def __str__(self):
        return _("%(reviewer)s on %(version)s") % {
            "reviewer": self.reviewer,
            "version": self.version,
        }
