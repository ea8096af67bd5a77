"""The editors' and reviewers' panels on the admin index (see cancerfax.admin_home)."""

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cancerfax.admin_home import Figure, HomePanel

from .dashboard import dashboard
from .models import ContentVersion, Reviewer, WorkingCopyEdit
from .registry import reviewed_types

# The editor's shortcuts: the most recently changed items of the kind registered
# with ``shortcut`` (reviews.registry).
SHORTCUTS = 8


def _changelist(reviewed, query):
    opts = reviewed.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + query


def _kind_name(reviewed, count):
    """ "guide" beside 1, "guides" beside any other count."""
    opts = reviewed.model._meta
    return opts.verbose_name if count == 1 else opts.verbose_name_plural


def _may_edit(user, reviewed):
    opts = reviewed.model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def editor_panel(request):
    """Their unsubmitted edits and what reviewers sent back, by kind."""
    user = request.user
    editable = [r for r in reviewed_types() if _may_edit(user, r)]
    if not editable:
        return None
    by_type = {r.content_type.pk: r for r in editable}
    drafts = dict(
        WorkingCopyEdit.objects.unsubmitted()
        .filter(edited_by=user, content_type__in=by_type)
        .values_list("content_type")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
    )
    sent_back = dict(
        ContentVersion.objects.changes_requested_of(user)
        .filter(content_type__in=by_type)
        .values_list("content_type")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
    )
    figures = []
    for content_type, reviewed in by_type.items():
        if drafts.get(content_type):
            name = _kind_name(reviewed, drafts[content_type])
            figures.append(
                Figure(
                    _("%(kind)s with your unsubmitted edits") % {"kind": name},
                    drafts[content_type],
                    _changelist(reviewed, "?review=mine"),
                )
            )
        if sent_back.get(content_type):
            name = _kind_name(reviewed, sent_back[content_type])
            figures.append(
                Figure(
                    _("%(kind)s with changes requested on your edits") % {"kind": name},
                    sent_back[content_type],
                    _changelist(reviewed, "?review=changes_requested_mine"),
                    urgent=True,
                )
            )
    first = editable[0]
    if not figures:
        figures.append(
            Figure(
                _("unsubmitted edits or changes requested"), 0, _changelist(first, "")
            )
        )
    links, links_title = [], ""
    shortcut = next((r for r in editable if r.shortcut), None)
    if shortcut is not None:
        recent = shortcut.model._default_manager.order_by("-updated_at")[:SHORTCUTS]
        opts = shortcut.model._meta
        links = [
            (
                str(item),
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
                ),
            )
            for item in recent
        ]
        links_title = shortcut.shortcut
    return HomePanel(
        title=_("Your editing"),
        figures=figures,
        links=links,
        links_title=links_title,
        order=10,
    )


def reviewer_panel(request):
    """What waits for this reviewer: versions to review, overdue, due soon."""
    user = request.user
    if not user.has_perm("reviews.add_reviewrecord"):
        return None
    profile = Reviewer.objects.filter(user=user, is_active=True).first()
    board = dashboard(reviewer=profile)
    waiting = len(board.waiting)
    url = reverse("admin:reviews_reviewdashboard_changelist")
    query = f"?reviewer={profile.pk}" if profile else ""
    return HomePanel(
        title=_("Your reviews"),
        figures=[
            Figure(
                ngettext(
                    "version waiting for review", "versions waiting for review", waiting
                ),
                waiting,
                f"{url}{query}#waiting",
            ),
            Figure(
                _("overdue for review"),
                len(board.overdue),
                f"{url}{query}#overdue",
                urgent=True,
            ),
            Figure(
                _("due for review within %(days)s days")
                % {"days": settings.REVIEW_DUE_SOON_DAYS},
                len(board.due_soon),
                f"{url}{query}#due-soon",
            ),
        ],
        order=20,
    )
