"""Approving content without a reviewer reading it: for demo and test data only."""

from publishing.store import pages_invalidated_once

from .capture import version_capture
from .evidence import findings_of
from .models import ContentVersion
from .services import version_approve


def approve_current_content(
    objects, *, reviewers, user=None, notes="", no_source_reason=None
):
    """Approve each object's current content; return how many were approved.

    For demo and test data only: it approves without anyone reading a diff.
    Objects already approved as they are stay untouched. ``no_source_reason``
    (finding -> reason or "") answers for claims made without a source; an
    approval with a claim it leaves unanswered is refused.
    """
    approved = 0
    with pages_invalidated_once():
        for obj in objects:
            version_capture(obj=obj, user=None)
            waiting = (
                ContentVersion.objects.of(obj)
                .filter(
                    status__in=[
                        ContentVersion.Status.PENDING,
                        ContentVersion.Status.CHANGES_REQUESTED,
                    ]
                )
                .first()
            )
            if waiting is not None:
                findings = findings_of(waiting.reviewed, waiting.content)
                reasons = {
                    f.key: no_source_reason(f) if no_source_reason else ""
                    for f in findings
                }
                version_approve(
                    version=waiting,
                    user=user,
                    reviewers=reviewers,
                    notes=notes,
                    no_source_reasons=reasons,
                )
                approved += 1
    return approved
