"""Keep the search entries in step with what reviewers approved.

An approval (``reviews.signals.version_approved``) indexes the new version and
drops the item's older entries in the approval's own transaction; a search only
reads. ``index_rebuild`` (the ``search_index`` command) builds everything again,
for a database approved before search listened, or after a change to what is
indexed. Items unpublished after approval stay indexed but are filtered out at
search time (``visible_entries``), as every public page filters them.
"""

import re

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F, Func, Q, TextField, Value

from reviews.models import ContentVersion
from reviews.registry import reviewed_kind
from reviews.selectors import visible_queryset

from .documents import DOCUMENTS, WEIGHTS
from .models import SearchEntry, SearchWord, TranslatedEntry

# "english" stems words (trial, trials); the title weighs more than the body.
CONFIG = "english"
# Words kept for spelling correction: letters only, long enough to misspell.
VOCABULARY_WORD = re.compile(r"[^\W\d_]{4,60}")


def parsed_body():
    """The body for PostgreSQL's parser: "<" and ">" in plain text would be read
    as the start of an HTML tag, swallowing the words after it."""
    return Func(
        F("body"),
        Value("[<>]"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def searched_types():
    return [reviewed_kind(kind) for kind in DOCUMENTS]


def kind_weights() -> dict[int, float]:
    """``{content type id: weight}`` of each searched kind (``WEIGHTS``)."""
    return {
        reviewed.content_type.pk: WEIGHTS[reviewed.kind]
        for reviewed in searched_types()
    }


def _entry(version, kind) -> SearchEntry:
    title, body = DOCUMENTS[kind](version.content)
    return SearchEntry(
        version=version,
        content_type_id=version.content_type_id,
        object_id=version.object_id,
        title=title[:400],
        body=body,
    )


def _store(entries) -> None:
    SearchEntry.objects.bulk_create(entries, ignore_conflicts=True)
    words = {
        word
        for entry in entries
        for word in VOCABULARY_WORD.findall(f"{entry.title} {entry.body}".lower())
    }
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)],
        ignore_conflicts=True,
        batch_size=500,
    )
    if entries and connection.vendor == "postgresql":
        SearchEntry.objects.filter(vector=None).update(
            vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector(parsed_body(), weight="B", config=CONFIG)
        )


def index_version(version: ContentVersion) -> None:
    """Index ``version``, now the item's approved one, in place of older ones."""
    kind = version.reviewed.kind
    if kind == "translation":
        from .translated import index_translation

        index_translation(version)
        return
    if kind not in DOCUMENTS:
        return
    SearchEntry.objects.filter(
        content_type_id=version.content_type_id, object_id=version.object_id
    ).exclude(version=version).delete()
    if not SearchEntry.objects.filter(version=version).exists():
        _store([_entry(version, kind)])


def on_version_approved(sender, version, **kwargs):
    index_version(version)


@transaction.atomic
def index_rebuild() -> int:
    """Index every approved version again; return how many entries there are."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    TranslatedEntry.objects.all().delete()
    return index_missing()


def index_missing() -> int:
    """Index approved versions that have no entry; drop entries of versions no
    longer approved. Returns how many were added."""
    types = {reviewed.content_type.pk: reviewed for reviewed in searched_types()}
    SearchEntry.objects.exclude(version__status=ContentVersion.Status.APPROVED).delete()
    missing = (
        ContentVersion.objects.approved()
        .filter(content_type__in=types)
        .exclude(pk__in=SearchEntry.objects.values("version_id"))
    )
    entries = [
        _entry(version, types[version.content_type_id].kind) for version in missing
    ]
    _store(entries)
    from .translated import translations_index_missing

    return len(entries) + translations_index_missing()


def visible_entries():
    """Entries of approved versions of items patients may see now."""
    visible = Q(pk__in=[])
    for reviewed in searched_types():
        visible |= Q(
            content_type=reviewed.content_type,
            object_id__in=visible_queryset(reviewed.model.objects.all()).values("pk"),
        )
    return SearchEntry.objects.filter(
        visible, version__status=ContentVersion.Status.APPROVED
    )
