"""Keep the search entries in step with what reviewers approved.

``index_refresh`` runs before each search: it drops entries whose version is no
longer the approved one and adds entries for newly approved versions. In the
steady state that is two cheap queries, and the review framework needs no hook
for search.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import F, Func, Q, TextField, Value

from reviews.models import ContentVersion
from reviews.registry import reviewed_kind
from reviews.selectors import visible_queryset

from .documents import DOCUMENTS
from .models import SearchEntry

# "english" stems words (trial, trials); the title weighs more than the body.
CONFIG = "english"


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


def index_refresh() -> int:
    """Index approved versions not yet indexed; return how many were added."""
    types = {reviewed.content_type.pk: reviewed for reviewed in searched_types()}
    SearchEntry.objects.exclude(version__status=ContentVersion.Status.APPROVED).delete()
    missing = (
        ContentVersion.objects.approved()
        .filter(content_type__in=types)
        .exclude(pk__in=SearchEntry.objects.values("version_id"))
    )
    entries = []
    for version in missing:
        reviewed = types[version.content_type_id]
        title, body = DOCUMENTS[reviewed.kind](version.content)
        entries.append(
            SearchEntry(
                version=version,
                content_type_id=version.content_type_id,
                object_id=version.object_id,
                title=title[:400],
                body=body,
            )
        )
    # Two searches may index the same version at once: the second insert is
    # skipped, not an error.
    SearchEntry.objects.bulk_create(entries, ignore_conflicts=True)
    if entries and connection.vendor == "postgresql":
        SearchEntry.objects.filter(vector=None).update(
            vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector(parsed_body(), weight="B", config=CONFIG)
        )
    return len(entries)


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
