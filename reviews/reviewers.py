"""Reviewer profiles: who may sign for whom, and a log of every change.

A profile is an identity patients rely on, so it is guarded like one: only a
review lead or site administrator edits profiles (``reviews.change_reviewer``),
nobody links a profile to their own account, joins a panel through it, or edits
the profile they sign with, and every change is logged.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Reviewer, ReviewerChange

LOGGED_FIELDS = (
    "kind", "name", "credentials", "specialty", "bio", "user", "is_active",
    "languages",
)  # fmt: skip


def reviewer_check_change(*, reviewer, changed_by, user, members) -> None:
    """Refuse a profile change that would let ``changed_by`` sign as someone.

    ``user`` and ``members`` are the values the change would save.
    """
    errors = {}
    if user is not None and user.pk == changed_by.pk:
        errors["user"] = ValidationError(
            _("You cannot link a reviewer profile to your own account."),
            code="own_account",
        )
    own = set(Reviewer.objects.filter(user=changed_by).values_list("pk", flat=True))
    if reviewer.pk in own:
        errors[NON_FIELD_ERRORS] = ValidationError(
            _(
                "You cannot edit the profile you sign with. Ask another review "
                "lead or a site administrator."
            ),
            code="own_profile",
        )
    before = (
        set(reviewer.members.values_list("pk", flat=True)) if reviewer.pk else set()
    )
    if own & ({m.pk for m in members} - before):
        errors["members"] = ValidationError(
            _("You cannot add your own profile to a panel."), code="own_panel"
        )
    if errors:
        raise ValidationError(errors)


def reviewer_state(reviewer) -> dict:
    """The logged fields of a saved profile, as plain data."""
    if reviewer.pk is None:
        return {}
    saved = Reviewer.objects.get(pk=reviewer.pk)
    state = {name: getattr(saved, name) for name in LOGGED_FIELDS if name != "user"}
    state["user"] = saved.user.get_username() if saved.user else None
    state["members"] = sorted(saved.members.values_list("name", flat=True))
    return state


@transaction.atomic
def reviewer_log_change(*, reviewer, changed_by, before: dict) -> ReviewerChange | None:
    """Log what changed on ``reviewer`` since ``before`` (``{}`` when new)."""
    after = reviewer_state(reviewer)
    changes = {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }
    if not changes:
        return None
    return ReviewerChange.objects.create(
        reviewer=reviewer, changed_by=changed_by, changes=changes
    )
