"""An editor's side of review: saved edits, and submitting them as one version.

Everything here locks the item's row before reading it, so two editors' saves
and submissions of one item run one after the other.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import ContentVersion, WorkingCopyEdit
from .registry import reviewed_type_for

Status = ContentVersion.Status


def item_lock(model, pk):
    """Lock the item's row: every capture of one item runs one after another."""
    return (
        model._default_manager.select_for_update()
        .filter(pk=pk)
        .values_list("pk", flat=True)
        .first()
    )


def working_copy_edited(*, obj, user) -> None:
    """Record that ``user`` saved changes to ``obj``: the working copy changed.

    Patients and reviewers see nothing new until an editor submits the item
    (``version_capture``). One row per person and item until then.
    """
    if user is None:
        return
    reviewed = reviewed_type_for(obj)
    edits = WorkingCopyEdit.objects.filter(
        content_type=reviewed.content_type,
        object_id=obj.pk,
        edited_by=user,
        version=None,
    )
    if not edits.update(edited_at=timezone.now()):
        WorkingCopyEdit.objects.create(
            content_type=reviewed.content_type, object_id=obj.pk, edited_by=user
        )


def _claim_edits(reviewed, obj, version):
    WorkingCopyEdit.objects.filter(
        content_type=reviewed.content_type, object_id=obj.pk, version=None
    ).update(version=version)


@transaction.atomic
def version_capture(*, obj, user, note: str = "") -> ContentVersion | None:
    """Submit the item's working copy for review: one new version if it changed.

    Editors call it with "Submit for review"; however many saves came before,
    they make one version, and the edits saved so far are claimed by it (for
    four-eyes). Returns the new version, or ``None`` when the content equals
    the latest version (nothing to review) or the approved one (the edit was
    undone; the version waiting for review is then withdrawn). A new version
    replaces any older one still waiting: only the latest can be approved.

    The item's row is locked before its content is read, so two editors
    submitting at once are captured one after the other and the second version
    holds both edits; numbering cannot race for the same reason.
    """
    reviewed = reviewed_type_for(obj)
    if item_lock(reviewed.model, obj.pk) is None:
        return None  # deleted meanwhile: nothing left to review
    obj = reviewed.queryset().get(pk=obj.pk)
    snapshot = reviewed.snapshot(obj)
    versions = ContentVersion.objects.filter(
        content_type=reviewed.content_type, object_id=obj.pk
    )
    current = list(versions.select_for_update().current())
    approved = next((v for v in current if v.status == Status.APPROVED), None)
    working = next((v for v in current if v.status != Status.APPROVED), None)
    latest = working or approved
    if latest is not None and latest.content == snapshot:
        # Saves that changed nothing a version holds are part of that version.
        _claim_edits(reviewed, obj, latest)
        return None
    if working is not None:
        working.status = Status.SUPERSEDED
        working.save(update_fields=["status"])
    if approved is not None and approved.content == snapshot:
        _claim_edits(reviewed, obj, approved)
        return None
    last = versions.aggregate(n=Max("number"))["n"] or 0
    version = ContentVersion(
        content_type=reviewed.content_type,
        object_id=obj.pk,
        number=last + 1,
        title=reviewed.title_of(snapshot)[:400],
        schema_version=snapshot.SCHEMA_VERSION,
        snapshot=snapshot.dump(),
        arrangement_only=reviewed.is_arrangement_only(
            approved.content if approved else None, snapshot
        ),
        created_by=user,
        note=note.strip(),
    )
    # Its fields are checked; its constraints are the database's to keep (two
    # queries a capture): the item's lock makes the number the next free one,
    # and a new version is never the approved one.
    version.full_clean(validate_constraints=False)
    version.save()
    _claim_edits(reviewed, obj, version)
    return version
