"""What a reader in another language sees: approved translations laid over the
approved English, as the selectors return it.

The selectors call ``translate`` on the ``Visible`` items they return; one query
per call finds the approved translations into the reading language, so a page
costs the same number of queries whatever the number of sections. Templates are
unchanged: a translated item's ``content`` is the source kind's own snapshot type
with the words in the language.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import IntegerField, OuterRef, Subquery, TextField
from django.utils import translation as i18n

from .models import ContentVersion
from .registry import reviewed_type_for
from .translations import (
    Translation,
    TranslationPolicy,
    TranslationSnapshot,
    shows_english,
    target_languages,
)


@dataclass(frozen=True)
class TranslationShown:
    """The approved translation of one item into the reading language."""

    language: str
    translation_id: int
    version_id: int
    out_of_date_since: datetime.datetime | None
    shows_english: bool
    content: Any = field(repr=False)
    obj: Any = field(repr=False, compare=False)
    # Of the approved translation as stored: names its words in kept parts.
    digest: str = ""

    @property
    def out_of_date(self) -> bool:
        return self.out_of_date_since is not None

    @property
    def english_url(self) -> str:
        """The item's current English page (the source language's address)."""
        with i18n.override(settings.LANGUAGE_CODE):
            return self.obj.get_absolute_url()

    def fingerprint(self) -> list:
        """What names this translation on a page (for kept parts and pages)."""
        return [self.language, self.version_id, self.digest,
                str(self.out_of_date_since), self.shows_english]  # fmt: skip


def reading_language() -> str | None:
    """The active language when content may be translated into it, else ``None``."""
    language = i18n.get_language()
    return language if language in dict(target_languages()) else None


@lru_cache(maxsize=4096)
def _translated_content(model, stored: str, schema: int):
    # Keyed by the stored text itself, as the selectors key approved snapshots:
    # the same words always give the same (frozen) snapshot, and an id a
    # restored database gave out again can never bring back other words.
    snapshot = TranslationSnapshot.load(json.loads(stored), schema)
    return reviewed_type_for(model).load(snapshot.content, snapshot.source_schema)


def translations_of(model, objects, language) -> dict[int, TranslationShown]:
    """``{pk: TranslationShown}`` for those of ``objects`` translated into
    ``language`` and approved: one query."""
    reviewed = reviewed_type_for(model)
    approved = (
        ContentVersion.objects.approved()
        .filter(
            content_type=reviewed_type_for(Translation).content_type,
            object_id=OuterRef("pk"),
        )
        .order_by()
    )
    policy = TranslationPolicy.objects.filter(kind=reviewed.kind).values(
        "out_of_date_shows"
    )[:1]
    by_pk = {obj.pk: obj for obj in objects}
    rows = (
        Translation.objects.filter(
            content_type=reviewed.content_type,
            object_id__in=list(by_pk),
            language=language,
        )
        .annotate(
            version_id=Subquery(approved.values("pk")[:1], output_field=IntegerField()),
            version_snapshot=Subquery(
                approved.values("snapshot")[:1], output_field=TextField()
            ),
            version_schema=Subquery(
                approved.values("schema_version")[:1], output_field=IntegerField()
            ),
            policy=Subquery(policy),
        )
        .filter(version_id__isnull=False)
        .order_by()
        .values_list(
            "object_id",
            "pk",
            "version_id",
            "version_snapshot",
            "version_schema",
            "out_of_date_since",
            "key_facts_changed",
            "policy",
        )  # fmt: skip
    )
    shown = {}
    for (
        pk,
        translation_id,
        version_id,
        stored,
        schema,
        since,
        key_facts,
        policy,
    ) in rows:
        if not isinstance(stored, str):  # a JSON column read as data
            stored = json.dumps(stored, sort_keys=True)
        shown[pk] = TranslationShown(
            language=language,
            translation_id=translation_id,
            version_id=version_id,
            out_of_date_since=since,
            shows_english=since is not None and shows_english(policy, key_facts),
            content=_translated_content(model, stored, schema),
            digest=hashlib.sha256(stored.encode()).hexdigest(),
            obj=by_pk[pk],
        )
    return shown


def translate(model, items) -> None:
    """Give each ``Visible`` of ``items`` its translation into the reading
    language, where one is approved (nothing for the source language)."""
    language = reading_language()
    if language is None or not items or not reviewed_type_for(model).translatable:
        return
    shown = translations_of(model, [item.obj for item in items], language)
    for item in items:
        item.translation = shown.get(item.pk)
