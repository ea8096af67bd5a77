"""The translation kind's rules: start, refresh, fill in, check, approve, go stale.

Editors and translators change a translation only through these functions (and
``capture.version_capture`` to submit it); reviewers approve it with the
ordinary ``services.version_approve``.
"""

import json
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cancerfax.sanitize import clean_html
from publishing.store import pages_invalidate

from .capture import working_copy_edited
from .citing import marker_keys
from .diff import FieldDiff, block, plain_text
from .models import ContentVersion
from .registry import register, reviewed_type_for
from .translations import (
    Translation,
    TranslationSnapshot,
    language_name,
    target_languages,
    units_of,
    with_units,
    without_units,
)

KIND = "translation"


def _approved_source(content_type_id, object_id):
    return (
        ContentVersion.objects.approved()
        .filter(content_type=content_type_id, object_id=object_id)
        .first()
    )


def _current_dump(version) -> dict:
    """The version's content as JSON of its kind's current schema (lists, not
    the tuples ``dump`` keeps: as it reads back from the database)."""
    return json.loads(json.dumps(version.content.dump()))


@transaction.atomic
def translation_start(*, obj, language: str, user=None) -> Translation:
    """The translation of ``obj`` into ``language``, its working copy on the
    English patients see now.

    A new translation starts from the English words. An existing one moves onto
    the current English version: every text whose English did not change keeps
    its translation; changed texts come back in English, to be translated.
    """
    reviewed = reviewed_type_for(obj)
    if not reviewed.translatable:
        raise ValidationError(
            _("This kind of content is not translated."), code="not_translatable"
        )
    if language not in dict(target_languages()):
        raise ValidationError(
            _("Content is not translated into this language."),
            code="unknown_language",
        )
    source = _approved_source(reviewed.content_type.pk, obj.pk)
    if source is None:
        raise ValidationError(
            _("Only approved content can be translated."), code="not_approved"
        )
    translation = (
        Translation.objects.select_for_update()
        .select_related("source_version")
        .filter(content_type=reviewed.content_type, object_id=obj.pk)
        .filter(language=language)
        .first()
    )
    english = _current_dump(source)
    if translation is None:
        translation = Translation(
            content_type=reviewed.content_type,
            object_id=obj.pk,
            language=language,
            source_version=source,
            content=english,
        )
        translation.title = translation.title_from_content()
        translation.full_clean()
        translation.save()
    elif translation.source_version_id != source.pk:
        old_english = units_of(
            _current_dump(translation.source_version), reviewed.translatable
        )
        translated = units_of(translation.content, reviewed.translatable)
        memory = {
            text: translated[key]
            for key, text in old_english.items()
            if translated.get(key, text) != text
        }
        carried = {
            key: memory[text]
            for key, text in units_of(english, reviewed.translatable).items()
            if text in memory
        }
        translation.source_version = source
        translation.content = with_units(english, carried)
        translation.title = translation.title_from_content()
        translation.save(update_fields=["source_version", "content", "title"])
    working_copy_edited(obj=translation, user=user)
    return translation


def english_units(translation) -> dict[str, str]:
    """``{key: English text}`` of the source version the translation translates."""
    return units_of(
        _current_dump(translation.source_version),
        translation.source_reviewed.translatable,
    )


@transaction.atomic
def translation_texts_set(*, translation, texts: dict[str, str], user=None):
    """Put translated ``texts`` (``{key: text}``) into the working copy.

    Keys must be texts of the English version translated; rich text is
    sanitised like any stored HTML.
    """
    translation = (
        Translation.objects.select_for_update()
        .select_related("source_version")
        .get(pk=translation.pk)
    )
    english = english_units(translation)
    unknown = sorted(set(texts) - set(english))
    if unknown:
        raise ValidationError(
            _("These texts are not in the English version: %(keys)s."),
            code="unknown_units",
            params={"keys": ", ".join(unknown)},
        )
    cleaned = {
        key: clean_html(text) if "<" in english[key] else text.strip()
        for key, text in texts.items()
    }
    translation.content = with_units(translation.content, cleaned)
    translation.title = translation.title_from_content()
    translation.save(update_fields=["content", "title"])
    working_copy_edited(obj=translation, user=user)
    return translation


def translation_snapshot(translation) -> TranslationSnapshot:
    source = translation.source_reviewed
    return TranslationSnapshot(
        language=translation.language,
        source_version_id=translation.source_version_id,
        source_schema=source.snapshot_type.SCHEMA_VERSION,
        title=str(translation.content.get(source.title_field, "")),
        content=translation.content,
    )


def _source_of(snapshot: TranslationSnapshot):
    return ContentVersion.objects.get(pk=snapshot.source_version_id)


def translation_check_approval(snapshot: TranslationSnapshot) -> None:
    """Refuse a translation that is not the English it claims to translate.

    Only the words may differ from the source version; every text is
    translated; each text cites exactly the sources its English cites; and the
    English it translates is the version patients see now.
    """
    source = _source_of(snapshot)
    reviewed = source.reviewed
    english = _current_dump(source)
    patterns = reviewed.translatable
    if without_units(snapshot.content, patterns) != without_units(english, patterns):
        raise ValidationError(
            _("The translation changes more than words: start it again."),
            code="structure_changed",
        )
    english_texts = units_of(english, patterns)
    translated = units_of(snapshot.content, patterns)
    missing = [key for key in english_texts if key not in translated]
    if missing:
        raise ValidationError(
            _("Texts not translated yet: %(keys)s."),
            code="untranslated",
            params={"keys": ", ".join(missing)},
        )
    citing = [
        key
        for key, text in english_texts.items()
        if Counter(marker_keys(text)) != Counter(marker_keys(translated[key]))
    ]
    if citing:
        raise ValidationError(
            _(
                "These texts do not cite the same sources as the English "
                "([ref:…] markers): %(keys)s."
            ),
            code="citations_differ",
            params={"keys": ", ".join(citing)},
        )
    current = _approved_source(source.content_type_id, source.object_id)
    if current is None or current.pk != source.pk:
        raise ValidationError(
            _(
                "The English changed after this translation was made: refresh it "
                "from the current English and translate what changed."
            ),
            code="source_changed",
        )


def translation_check_signers(snapshot, *, reviewers, user) -> None:
    """Every signer, and the person signing in, declares the language.

    A member signing for a panel must read the language themself: a panel's
    declaration does not lend it to a member who does not.
    """
    language = snapshot.language
    signers = list(reviewers)
    profile = getattr(user, "reviewer_profile", None) if user is not None else None
    if user is not None:
        signers.append(profile)
    if any(s is None or language not in s.language_codes() for s in signers):
        raise ValidationError(
            _(
                "A translation into %(language)s is approved only by reviewers "
                "who declare that they review in %(language)s."
            ),
            code="language_reviewer_required",
            params={"language": language_name(language)},
        )


def translation_diff(old, new):
    """The translated texts, each beside its English, compared with the last
    approved translation."""
    source = _source_of(new)
    english = units_of(_current_dump(source), source.reviewed.translatable)
    before = units_of(old.content, source.reviewed.translatable) if old else {}
    after = units_of(new.content, source.reviewed.translatable)
    fields = [
        FieldDiff(
            f"{key} — {plain_text(text)[:120]}",
            plain_text(before.get(key, "")),
            plain_text(after.get(key, "")),
        )
        for key, text in english.items()
    ]
    return [block(f"{new.title} ({language_name(new.language)})", fields)]


def translations_after_approval(version) -> None:
    """Keep translations honest about the English, in the approving transaction.

    A new English version with new words marks every translation of the item
    out of date; an approved translation of the current English is up to date
    again. Stored pages of the item (in every language) are replaced.
    """
    if version.kind == KIND:
        translation = Translation.objects.get(pk=version.object_id)
        current = _approved_source(translation.content_type_id, translation.object_id)
        if current is not None and current.pk == version.content.source_version_id:
            Translation.objects.filter(pk=translation.pk).update(
                out_of_date_since=None,
                source_changed_version=None,
                key_facts_changed=False,
            )
        pages_invalidate([(translation.content_type_id, translation.object_id)])
        return
    if version.arrangement_only or not version.reviewed.translatable:
        return
    key_facts = version.reviewed.key_facts
    now = timezone.now()
    translations = Translation.objects.filter(
        content_type=version.content_type_id, object_id=version.object_id
    ).select_related("source_version")
    for translation in translations.exclude(source_version=version):
        changed = key_facts(translation.source_version.content) != key_facts(
            version.content
        )
        translation.out_of_date_since = translation.out_of_date_since or now
        translation.source_changed_version = version
        translation.key_facts_changed = translation.key_facts_changed or changed
        translation.save(
            update_fields=[
                "out_of_date_since",
                "source_changed_version",
                "key_facts_changed",
            ]
        )


def register_translations():
    register(
        Translation,
        kind=KIND,
        snapshot_type=TranslationSnapshot,
        build=translation_snapshot,
        words=lambda snapshot: snapshot,
        diff=translation_diff,
        title_field="title",
        has_page=False,
        select_related=("source_version",),
        check_approval=translation_check_approval,
        check_signers=translation_check_signers,
    )
