"""What search looks through: approved words only, and the synonyms editors keep."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Synonym(models.Model):
    phrase = models.CharField(
        _("what patients type"),
        max_length=120,
        unique=True,
        help_text=_("A word or phrase as patients search for it: 'liver cancer'."),
    )
    alternatives = models.TextField(
        _("also search for"),
        help_text=_(
            "The words our pages use for it, separated by commas: "
            "'hepatocellular carcinoma, HCC'."
        ),
    )

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.phrase

    def alternative_list(self) -> list[str]:
        return [word.strip() for word in self.alternatives.split(",") if word.strip()]


class SearchEntry(models.Model):
    """The searchable words of one approved version.

    Entries are derived data: built from approved snapshots when a search runs
    and dropped when their version stops being the approved one, so search can
    never find words a reviewer has not approved.
    """

    version = models.OneToOneField(
        "reviews.ContentVersion", on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=400)
    body = models.TextField()
    # PostgreSQL only (full-text search); stays empty on SQLite.
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title
