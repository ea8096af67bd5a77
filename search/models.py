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

    Entries are derived data: written when a version is approved
    (``reviews.signals.version_approved``) in the approval's transaction, which
    also drops the entry of the version it supersedes, so search can never find
    words a reviewer has not approved. On SQLite, triggers keep the FTS5 table
    ``search_fts`` (migration 0003) in step with these rows.
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
    # PostgreSQL only (full-text search); stays empty on SQLite, whose FTS5
    # table holds the same words.
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


class TranslatedEntry(models.Model):
    """The searchable words of one approved translation, in its language.

    Kept apart from ``SearchEntry`` because each language wants its own
    tokenizer: no English stemming. On SQLite the FTS5 tables
    ``search_translated_words`` (``unicode61``: Arabic and other languages
    written with spaces) and ``search_translated_trigrams`` (``trigram``:
    Chinese and other languages written without them) follow these rows
    (migration 0004); on PostgreSQL ``vector`` uses the ``simple``
    configuration and a trigram index serves Chinese. The item is the source
    item (a guide, an answer), so results open its page in the language.
    """

    version = models.OneToOneField(
        "reviews.ContentVersion", on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=16)
    title = models.CharField(max_length=400)
    body = models.TextField()
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [models.Index(fields=["language", "content_type", "object_id"])]
        verbose_name = _("translated search entry")
        verbose_name_plural = _("translated search entries")

    def __str__(self):
        return f"{self.title} ({self.language})"


class SearchWord(models.Model):
    """A word some approved version uses, for correcting misspellings.

    Kept with the entries (never rebuilt per search) and looked up by trigram
    similarity: PostgreSQL's pg_trgm index, SQLite's FTS5 ``trigram`` table
    ``search_word_fts`` (both in migration 0003). A word that was approved once
    stays until ``search_index`` rebuilds; a correction is only shown when it
    finds something patients may see now.
    """

    word = models.CharField(
        _("word"),
        max_length=60,
        unique=True,
        help_text=_("Lower case, as some approved page spells it."),
    )

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
