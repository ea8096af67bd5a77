"""The one authority for what patients may see.

Every public view, the sitemap, the inquiry form and search read reviewed
content through these functions: an item is visible when it is published and has
an approved version, and what it says comes from that version's typed snapshot,
never from the live row. Each function costs a fixed number of queries whatever
the number of items. In another language than the source, the approved
translations are laid over what they return (``translated``: one more query).
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.db.models import (
    IntegerField,
    OuterRef,
    Subquery,
    TextField,
)

from cancerfax.compiled import compiled_rows
from publishing.dependencies import record as record_dependency

from .models import (
    COUNTING_KINDS,
    ContentVersion,
    ReviewRecord,
)
from .registry import reviewed_type_for
from .translated import translate


class Visible:
    """An item as patients see it: approved words, live address and identity.

    Attribute reads go to the approved snapshot (``content``) or to references
    the view resolved (``related``); they never fall through to the live row, so
    a template cannot show unreviewed text by accident.
    """

    __slots__ = ("obj", "_content", "related", "approved", "translation")

    def __init__(self, obj, content, *, approved=False, **related):
        self.obj = obj
        # The typed snapshot, or ``_Approved`` to load it when first read: a
        # page whose kept sections need no words of an item never builds them.
        self._content = content
        self.related = related
        # Whether ``content`` is the approved version (not a preview's copy).
        self.approved = approved
        # The approved translation into the reading language, if any
        # (``translated.translate``): its words replace the English unless the
        # medical team's policy shows the English while it is out of date.
        self.translation = None

    @property
    def content(self):
        translation = self.translation
        if translation is not None and not translation.shows_english:
            return translation.content
        content = self._content
        if type(content) is _Approved:
            content = self._content = approved_content(self.obj)
        return content

    def __getattr__(self, name):
        related = object.__getattribute__(self, "related")
        if name in related:
            return related[name]
        return getattr(self.content, name)

    def __eq__(self, other):
        return isinstance(other, Visible) and (self.obj, self.content) == (
            other.obj,
            other.content,
        )

    def __hash__(self):
        return hash((type(self.obj), self.obj.pk))

    def __repr__(self):
        return f"<Visible {self.obj!r}>"

    @property
    def language(self) -> str:
        """The language of the words shown: the translation's, else the source
        language (no approved translation, or the policy shows the English)."""
        translation = self.translation
        if translation is not None and not translation.shows_english:
            return translation.language
        return settings.LANGUAGE_CODE

    @property
    def pk(self):
        return self.obj.pk

    @property
    def slug(self):
        # The address is arrangement, not reviewed words: it is read live.
        return self.obj.slug

    def get_absolute_url(self):
        return self.obj.get_absolute_url()


class _Approved:
    """Stands for an annotated object's approved snapshot until it is read."""


_APPROVED = _Approved()


def _approved_versions(model):
    reviewed = reviewed_type_for(model)
    # At most one version of an item is approved (a constraint): no ordering to
    # compile, and it costs more to compile than to run.
    return (
        ContentVersion.objects.approved()
        .filter(content_type=reviewed.content_type, object_id=OuterRef("pk"))
        .order_by()
    )


def with_approved_snapshot(queryset):
    """Annotate ``approved_snapshot`` and ``approved_schema`` (``None`` if none).

    The snapshot is the stored JSON text, read as text: ``approved_content``
    loads it, once per process for the same text.
    """
    versions = _approved_versions(queryset.model)
    return queryset.annotate(
        approved_snapshot=Subquery(
            versions.values("snapshot")[:1], output_field=TextField()
        ),
        approved_schema=Subquery(
            versions.values("schema_version")[:1], output_field=IntegerField()
        ),
    )


def visible_queryset(queryset):
    """Published rows of ``queryset`` that have an approved version."""
    # A version always has a schema version, so NULL means none is approved:
    # the filter reuses the annotation instead of a third subquery.
    return with_approved_snapshot(queryset.published()).filter(
        approved_schema__isnull=False
    )


def approved_visible(obj) -> Visible:
    """An annotated object as patients see it: its approved version."""
    return Visible(obj, _APPROVED, approved=True)


def approved_content(obj):
    """The typed approved snapshot of an annotated object, or ``None``."""
    if obj.approved_snapshot is None:
        return None
    return _typed_snapshot(type(obj), obj.approved_schema, obj.approved_snapshot)


@lru_cache(maxsize=4096)
def _typed_snapshot(model, schema_version, stored):
    # Keyed by the stored text itself, so the same words always give the same
    # (frozen) snapshot: decoding and typing them cost a page more than reading.
    data = json.loads(stored) if isinstance(stored, str) else stored
    return reviewed_type_for(model).load(data, schema_version)


def visible(queryset, *, limit=None) -> list[Visible]:
    """The visible items of ``queryset``, in its order (the first ``limit``).

    A stored page built from this depends on every item of the kind: which items
    it lists changes whenever one is approved or published.
    """
    record_dependency(reviewed_type_for(queryset.model).content_type.pk)
    rows = visible_queryset(queryset)[:limit]
    return translated(queryset.model, [approved_visible(obj) for obj in rows])


def visible_all(model) -> list[Visible]:
    """Every visible item of ``model``, in its default order (footers, glossary)."""
    content_type_id = reviewed_type_for(model).content_type.pk
    record_dependency(content_type_id)
    rows = compiled_rows(
        ("visible_all", model, content_type_id), lambda _: _visible_base(model).all()
    )
    return translated(model, [approved_visible(obj) for obj in rows])


def visible_in_bulk(model, ids) -> dict[int, Visible]:
    """``{pk: Visible}`` for those of ``ids`` patients may see, in no set order."""
    if not ids:
        return {}
    reviewed = reviewed_type_for(model)
    record_dependency(reviewed.content_type.pk)  # as ``visible()`` does
    for pk in ids:  # those not visible yet too: their approval changes the page
        record_dependency(reviewed.content_type.pk, pk)
    # Looked up by id, so unordered: the default order of guides and questions
    # joins their topics, which costs a join to compile and to run.
    rows = compiled_rows(
        ("visible_in_bulk", model, reviewed.content_type.pk),
        lambda ids: _visible_base(model).filter(pk__in=ids).order_by(),
        [pk for pk in dict.fromkeys(ids) if pk is not None],
    )
    items = translated(model, [approved_visible(obj) for obj in rows])
    return {item.pk: item for item in items}


# The visible rows of each model, built once: building the subqueries cost as
# much as compiling them. Callers clone it (``all()``, ``filter()``), so it is
# never evaluated itself. Keyed by content type too, in case a test database
# renumbers them. Nothing in it may depend on the moment (a ``published()``
# comparing with now() would be frozen here).
_visible_bases = {}


def _visible_base(model):
    reviewed = reviewed_type_for(model)
    key = (model, reviewed.content_type.pk)
    if key not in _visible_bases:
        _visible_bases[key] = visible_queryset(
            model._default_manager.select_related(*reviewed.select_related)
        )
    return _visible_bases[key]


def shown_fingerprint(items) -> str | None:
    """A digest naming exactly what ``items`` (``Visible``) show patients.

    Made of each item's identity, live address and approved snapshot as stored,
    so it changes with any approval, publication or address change of any of
    them, and no two states share it (unlike ids, which a restored backup may
    give out again). ``None`` when an item is not an approved version (a
    preview's working copy): what that shows has no name to keep it under.
    """
    digest = hashlib.sha256()
    for item in items:
        if item is None:
            continue
        if not item.approved:
            return None
        obj = item.obj
        translation = item.translation
        digest.update(
            json.dumps(
                [type(obj).__name__, obj.pk, getattr(obj, "slug", ""),
                 obj.approved_schema, obj.approved_snapshot,
                 translation.fingerprint() if translation else None],
                sort_keys=True,
                default=str,
            ).encode()
        )  # fmt: skip
    return digest.hexdigest()


def translated(model, items: list[Visible]) -> list[Visible]:
    """``items`` with their approved translations into the reading language."""
    translate(model, items)
    return items


def visible_get(queryset, **lookup) -> Visible | None:
    """One visible item, or ``None`` (unpublished, unapproved or missing)."""
    found = visible(queryset.filter(**lookup), limit=1)
    return found[0] if found else None


def record_shown(obj) -> None:
    """Note that the page being rendered shows ``obj`` (see ``publishing``)."""
    record_dependency(reviewed_type_for(obj).content_type.pk, obj.pk)


def working_in_bulk(model, ids) -> dict[int, Visible]:
    """``{pk: Visible}`` of published items as they are now, for staff previews.

    Never for patients: the content is the unreviewed working copy.
    """
    if not ids:
        return {}
    reviewed = reviewed_type_for(model)
    queryset = (
        reviewed.queryset()
        .filter(pk__in=ids)
        .published()
        .order_by(*model._meta.ordering)
    )
    return {obj.pk: Visible(obj, reviewed.snapshot(obj)) for obj in queryset}


def with_last_reviewed(queryset):
    """Annotate ``last_reviewed``: the date of the item's latest review.

    Minor changes do not count: they are arrangement, not a review. For sitemaps
    and ``dateModified``; one subquery whatever the number of rows.
    """
    reviewed = reviewed_type_for(queryset.model)
    latest = (
        ReviewRecord.objects.filter(
            version__content_type=reviewed.content_type,
            version__object_id=OuterRef("pk"),
            outcome=ReviewRecord.Outcome.APPROVED,
            kind__in=COUNTING_KINDS,
        )
        .order_by("-reviewed_on")
        .values("reviewed_on")[:1]
    )
    return queryset.annotate(last_reviewed=Subquery(latest))
