"""Search in the reader's language: approved translations, indexed per language.

An approved translation of a searched kind gets a ``TranslatedEntry`` in its
approval's transaction, replacing the entry of the translation it supersedes,
as an English approval does for ``SearchEntry``. No language is stemmed: the
English configuration would mangle Arabic and cannot split Chinese. Languages
written without spaces between words are matched by substrings (trigrams).
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Q
from django.utils import translation as i18n

from reviews.models import ContentVersion
from reviews.registry import reviewed_kind
from reviews.translations import TranslationSnapshot

from .documents import DOCUMENTS
from .index import parsed_body, searched_types
from .models import TranslatedEntry

CONFIG = "simple"
# Written without spaces between words: matched by substring (FTS5 trigram on
# SQLite, pg_trgm on PostgreSQL). A new language of this kind is added here.
WITHOUT_SPACES = ("zh", "ja", "ko", "th")


def uses_trigrams(language: str) -> bool:
    return language.split("-")[0] in WITHOUT_SPACES


def _translated_document(version):
    """(source content type, source id, language, title, body), or ``None``
    when the translated kind is not searched."""
    snapshot: TranslationSnapshot = version.content
    source = ContentVersion.objects.get(pk=snapshot.source_version_id)
    kind = source.reviewed.kind
    if kind not in DOCUMENTS:
        return None
    typed = reviewed_kind(kind).load(snapshot.content, snapshot.source_schema)
    # Labels a document names (a fact's kind and status) in the translation's
    # language too, whichever language the approving request was in.
    with i18n.override(snapshot.language):
        title, body = DOCUMENTS[kind](typed)
    return source.content_type_id, source.object_id, snapshot.language, title, body


def index_translation(version) -> None:
    """Index an approved translation ``version`` in place of older ones."""
    document = _translated_document(version)
    if document is None:
        return
    content_type_id, object_id, language, title, body = document
    TranslatedEntry.objects.filter(
        content_type_id=content_type_id, object_id=object_id, language=language
    ).exclude(version=version).delete()
    if TranslatedEntry.objects.filter(version=version).exists():
        return
    TranslatedEntry.objects.create(
        version=version,
        content_type_id=content_type_id,
        object_id=object_id,
        language=language,
        title=title[:400],
        body=body,
    )
    if connection.vendor == "postgresql":
        TranslatedEntry.objects.filter(version=version).update(
            vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector(parsed_body(), weight="B", config=CONFIG)
        )


def translations_index_missing() -> int:
    """Index approved translations that have no entry (``search_index``)."""
    TranslatedEntry.objects.exclude(
        version__status=ContentVersion.Status.APPROVED
    ).delete()
    missing = (
        ContentVersion.objects.approved()
        .filter(content_type=reviewed_kind("translation").content_type)
        .exclude(pk__in=TranslatedEntry.objects.values("version_id"))
    )
    count = 0
    for version in missing:
        index_translation(version)
        count += 1
    return count


def visible_translated_entries(language):
    """Entries in ``language`` of items patients may see now."""
    from reviews.selectors import visible_queryset

    visible = Q(pk__in=[])
    for reviewed in searched_types():
        visible |= Q(
            content_type=reviewed.content_type,
            object_id__in=visible_queryset(reviewed.model.objects.all()).values("pk"),
        )
    return TranslatedEntry.objects.filter(
        visible, language=language, version__status=ContentVersion.Status.APPROVED
    )
