"""What is reviewed: content apps register their models here.

The review framework knows no content app. Each app calls ``register`` from its
``AppConfig.ready()`` with the model, its snapshot type, how to build a snapshot
from the live rows, what counts as mere arrangement and how to show a diff, as
``django.contrib.admin`` lets apps register their admins.
"""

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from publishing.store import pages_invalidate

from .evidence import TextPart
from .snapshots import Snapshot


def no_approval_check(snapshot: Snapshot) -> None:
    """The default: any reviewed snapshot may be approved."""


def no_texts(snapshot: Snapshot) -> list[TextPart]:
    """The default: no text of this kind is checked for uncited claims."""
    return []


def no_signer_check(snapshot: Snapshot, *, reviewers, user) -> None:
    """The default: whoever may review may sign (see ``signing``)."""


_BY_LABEL: dict[str, "ReviewedType"] = {}
_BY_KIND: dict[str, "ReviewedType"] = {}
# Label of a model -> the reviewed types whose snapshots point at its rows.
_REFERRERS: dict[str, list["ReviewedType"]] = {}


@dataclass(frozen=True)
class ReviewedType:
    model: Any
    kind: str
    snapshot_type: type[Snapshot]
    # Live object (with ``prefetch`` and ``select_related``) -> snapshot.
    build: Callable[[Any], Snapshot]
    # Snapshot -> the same snapshot with arrangement (order, links, topic) set
    # aside: two snapshots with equal ``words`` put no new words before a patient.
    words: Callable[[Snapshot], Snapshot]
    # (old snapshot or None, new snapshot) -> list of ``diff.BlockDiff``.
    diff: Callable[[Snapshot | None, Snapshot], list]
    title_field: str
    prefetch: tuple = ()
    select_related: tuple[str, ...] = ()
    # Whether the public page of one item exists (FAQ answers live on a list).
    has_page: bool = True
    # The title of the editor's shortcuts on the admin home page (its most
    # recently changed items), e.g. "Edit a guide"; empty for none. The first
    # kind the editor may change that has one is shown.
    shortcut: str = ""
    # Snapshot -> None, or ``ValidationError`` naming what must be fixed before
    # this content may be approved (a guide's key numbers need citations).
    # Four-eyes and the version's state are checked by the framework itself.
    check_approval: Callable[[Snapshot], None] = no_approval_check
    # Snapshot -> the ``evidence.TextPart``s a patient reads, in page order:
    # the evidence check looks in them for claims without a source.
    texts: Callable[[Snapshot], Iterable[TextPart]] = no_texts
    # Model -> (snapshot -> ids of its rows the snapshot shows): items a version
    # points at by id instead of copying their words (a guide's topic, the
    # questions its FAQ section lists). While an approved or waiting version
    # shows one, deleting it is refused (``reviews.references``).
    references: Mapping[Any, Callable[[Snapshot], Iterable[int | None]]] = (
        dataclasses.field(default_factory=dict, compare=False)
    )
    # Where a patient reads words in the snapshot's JSON, as dotted field names
    # ("sections.items.text"): what a translation puts in its language. Empty:
    # the kind is not translated (``reviews.translations``).
    translatable: tuple[str, ...] = ()
    # Snapshot -> the facts whose change makes a translation give way to the
    # English under the medical team's policy (a guide's key numbers).
    key_facts: Callable[[Snapshot], Any] = lambda snapshot: None
    # (snapshot, reviewers=, user=) -> None or ``ValidationError``: who may sign
    # an approval of this kind beyond the framework's own rules (a
    # translation's reviewers declare its language).
    check_signers: Callable[..., None] = no_signer_check

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(self.model)

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name

    def queryset(self):
        return (
            self.model._default_manager.select_related(*self.select_related)
            .prefetch_related(*self.prefetch)
            .order_by()
        )

    def snapshot(self, obj) -> Snapshot:
        return self.build(obj)

    def load(self, data: dict, schema_version: int) -> Snapshot:
        return self.snapshot_type.load(data, schema_version)

    def title_of(self, snapshot: Snapshot) -> str:
        return str(getattr(snapshot, self.title_field))

    def is_arrangement_only(self, old: Snapshot | None, new: Snapshot) -> bool:
        return old is not None and old != new and self.words(old) == self.words(new)

    def shows(self, snapshot: Snapshot, obj) -> bool:
        """Whether ``snapshot`` points at ``obj`` (see ``references``)."""
        for model, ids_of in self.references.items():
            if model._meta.label_lower == obj._meta.label_lower:
                return obj.pk in set(ids_of(snapshot))
        return False


def register(model, **options) -> ReviewedType:
    """Put ``model`` under medical review; see ``ReviewedType`` for the options."""
    reviewed = ReviewedType(model=model, **options)
    label = model._meta.label_lower
    if label in _BY_LABEL or reviewed.kind in _BY_KIND:
        raise ValueError(f"{label} ({reviewed.kind}) is registered already.")
    _BY_LABEL[label] = _BY_KIND[reviewed.kind] = reviewed
    # A saved or deleted row may change what patients see without a new approval
    # (published, unpublished, moved, renamed address): its stored pages go.
    for signal in (post_save, post_delete):
        signal.connect(_row_changed, sender=model, dispatch_uid=f"pages-{label}")
    for field in model._meta.many_to_many:  # links shown live, such as cancer types
        m2m_changed.connect(
            _links_changed,
            sender=field.remote_field.through,
            dispatch_uid=f"pages-{label}-{field.name}",
        )
    for referenced in reviewed.references:
        referenced_label = referenced._meta.label_lower
        _REFERRERS.setdefault(referenced_label, []).append(reviewed)
        pre_delete.connect(
            _deleting_referenced,
            sender=referenced,
            dispatch_uid=f"shown-{referenced_label}",
        )
    return reviewed


def _deleting_referenced(sender, instance, **kwargs):
    # Imported here: the check reads versions, whose module imports this one.
    from .references import refuse_deletion_while_shown

    refuse_deletion_while_shown(instance)


def _row_changed(sender, instance, **kwargs):
    pages_invalidate([(ContentType.objects.get_for_model(sender).pk, instance.pk)])


def _links_changed(sender, instance, action, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    items = [(ContentType.objects.get_for_model(instance).pk, instance.pk)]
    if model._meta.label_lower in _BY_LABEL:
        model_type = ContentType.objects.get_for_model(model).pk
        items += [(model_type, pk) for pk in pk_set or ()]
    pages_invalidate(items)


def referrers_of(model_or_obj) -> list[ReviewedType]:
    """The reviewed types whose snapshots may point at rows of this model."""
    return list(_REFERRERS.get(model_or_obj._meta.label_lower, ()))


def reviewed_types() -> list[ReviewedType]:
    return list(_BY_KIND.values())


def reviewed_type_for(model_or_obj) -> ReviewedType:
    try:
        return _BY_LABEL[model_or_obj._meta.label_lower]
    except KeyError:
        raise LookupError(f"{model_or_obj._meta.label} is not reviewed.") from None


def reviewed_kind(kind: str) -> ReviewedType:
    return _BY_KIND[kind]


def is_reviewed_kind(kind) -> bool:
    return kind in _BY_KIND


def reviewed_type_of_content_type(content_type_id: int) -> ReviewedType:
    return reviewed_type_for(
        ContentType.objects.get_for_id(content_type_id).model_class()
    )
