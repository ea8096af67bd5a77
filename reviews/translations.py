"""Translations of reviewed content: each one reviewed like the original.

A ``Translation`` is one item in one language (the CIK guide in Arabic). It is
itself a reviewed kind (``translation``): its working copy is saved on the row,
"submit" captures a ``ContentVersion`` like any other kind, and a reviewer who
declares the language approves it with an ordinary ``ReviewRecord``. No parallel
system: versions, diff, records, signatures, four-eyes and co-signing are the
framework's own.

What a translation stores is the source kind's snapshot JSON, as approved in the
source version it translates, with the words a patient reads put in the language
(``TranslationSnapshot.content``). Everything else (ids, kinds, citations,
order) must stay exactly as in that source version, which the approval checks:
the page renders the source kind's own typed snapshot, so the templates show a
translation without knowing it is one.
"""

import copy
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .snapshots import Snapshot


def target_languages() -> list[tuple[str, str]]:
    """The languages content may be translated into: every one but the source."""
    return [(c, n) for c, n in settings.LANGUAGES if c != settings.LANGUAGE_CODE]


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


class TranslationQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )

    def out_of_date(self):
        return self.filter(out_of_date_since__isnull=False)

    def published(self):
        """Every translation may be shown: its source decides (the selectors)."""
        return self


class Translation(models.Model):
    """One item's words in one language, tied to the source version it translates."""

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of content"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    language = models.CharField(_("language"), max_length=16)
    title = models.CharField(
        _("title"),
        max_length=400,
        editable=False,
        help_text=_("The translated title in the working copy (lists, dashboard)."),
    )
    source_version = models.ForeignKey(
        "reviews.ContentVersion",
        verbose_name=_("translates version"),
        on_delete=models.PROTECT,
        related_name="translations",
        help_text=_("The approved English version this working copy translates."),
    )
    content = models.JSONField(
        _("translated content"),
        help_text=_(
            "The source version's content with its words in the language. "
            "Edited through an exported file (XLIFF), never by hand."
        ),
    )
    out_of_date_since = models.DateTimeField(
        _("out of date since"),
        null=True,
        blank=True,
        help_text=_(
            "When a newer English version was approved; empty while the approved "
            "translation translates the English patients see."
        ),
    )
    source_changed_version = models.ForeignKey(
        "reviews.ContentVersion",
        verbose_name=_("English version that made it out of date"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    key_facts_changed = models.BooleanField(
        _("key facts changed"),
        default=False,
        help_text=_(
            "The English change touched key facts (a guide's key numbers or cancer "
            "types, a cancer type's name or evidence label)."
        ),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="reviews_one_translation_per_language",
            )
        ]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self):
        return f"{self.title} ({language_name(self.language)})"

    def get_absolute_url(self):
        source = self.source
        return source.get_absolute_url() if source is not None else ""

    def title_from_content(self) -> str:
        return str(self.content.get(self.source_reviewed.title_field, ""))[:400]

    def clean(self):
        if self.language not in dict(target_languages()):
            raise ValidationError(
                {"language": _("Content is not translated into this language.")},
                code="unknown_language",
            )

    @cached_property
    def source_reviewed(self):
        from .registry import reviewed_type_of_content_type

        return reviewed_type_of_content_type(self.content_type_id)

    @cached_property
    def source(self):
        """The live source item (``None`` once deleted)."""
        model = self.source_reviewed.model
        return model._default_manager.filter(pk=self.object_id).first()


class TranslationPolicy(models.Model):
    """What a patient reads while a translation is out of date, per kind.

    Set by the medical team. Without a row the safe default applies: English
    when the change touched key facts, else the translation with a notice.
    """

    class Shows(models.TextChoices):
        TRANSLATION = "translation", _("The out-of-date translation, with a notice")
        ENGLISH = "english", _("The current English, with a notice")
        ENGLISH_IF_KEY_FACTS = (
            "english_if_key_facts",
            _(
                "English when key facts changed (key numbers, cancer types, evidence "
                "labels), else the translation; always with a notice"
            ),
        )

    kind = models.CharField(_("kind of content"), max_length=40, unique=True)
    out_of_date_shows = models.CharField(
        _("while out of date, show"),
        max_length=24,
        choices=Shows.choices,
        default=Shows.ENGLISH_IF_KEY_FACTS,
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("translation policy")
        verbose_name_plural = _("translation policies")

    def __str__(self):
        return f"{self.kind}: {self.get_out_of_date_shows_display()}"

    def clean(self):
        from .registry import is_reviewed_kind, reviewed_kind

        if not is_reviewed_kind(self.kind) or not reviewed_kind(self.kind).translatable:
            raise ValidationError(
                {"kind": _("This kind of content is not translated.")},
                code="not_translatable",
            )


DEFAULT_POLICY = TranslationPolicy.Shows.ENGLISH_IF_KEY_FACTS


def shows_english(policy: str | None, key_facts_changed: bool) -> bool:
    """Whether an out-of-date translation gives way to the English."""
    policy = policy or DEFAULT_POLICY
    if policy == TranslationPolicy.Shows.ENGLISH:
        return True
    return policy == TranslationPolicy.Shows.ENGLISH_IF_KEY_FACTS and key_facts_changed


@dataclass(frozen=True)
class TranslationSnapshot(Snapshot):
    """Schema history: 1. language, source version, the translated content."""

    SCHEMA_VERSION = 1

    language: str
    source_version_id: int
    source_schema: int
    title: str
    content: dict


# Units: the words to translate, one per text field, by their path in the JSON.


def _matches(path: tuple, patterns) -> bool:
    names = tuple(part for part in path if isinstance(part, str))
    return ".".join(names) in patterns


def units_of(data: dict, patterns) -> dict[str, str]:
    """``{key: text}`` of every non-empty translatable text of snapshot JSON.

    Keys are paths ("sections.3.items.0.text"): stable within one source
    version, which is all a translation of that version needs.
    """
    found = {}

    def walk(value, path):
        if isinstance(value, dict):
            for name, inner in value.items():
                walk(inner, (*path, name))
        elif isinstance(value, list | tuple):
            for index, inner in enumerate(value):
                walk(inner, (*path, index))
        elif isinstance(value, str) and value and _matches(path, patterns):
            found[".".join(str(part) for part in path)] = value

    walk(data, ())
    return found


def with_units(data: dict, targets: dict[str, str]) -> dict:
    """A deep copy of ``data`` with the text at each key of ``targets`` replaced."""
    result = copy.deepcopy(data)
    for key, text in targets.items():
        parts = [int(p) if p.isdigit() else p for p in key.split(".")]
        holder = result
        for part in parts[:-1]:
            holder = holder[part]
        holder[parts[-1]] = text
    return result


def without_units(data: dict, patterns) -> dict:
    """``data`` with every translatable text blanked: what must not change."""
    return with_units(data, dict.fromkeys(units_of(data, patterns), ""))
