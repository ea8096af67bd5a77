"""The review dashboard: what is overdue, due soon, waiting or sent back."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from cancerfax.admin import ReadOnlyAdminMixin
from cancerfax.numbers import is_whole

from .admin_translations import out_of_date_translations
from .dashboard import dashboard
from .models import ReviewDashboard, Reviewer
from .registry import is_reviewed_kind, reviewed_types


@admin.register(ReviewDashboard)
class ReviewDashboardAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Overdue and soon-due items, versions waiting, changes since review."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("reviews.view_contentversion")

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        kind = request.GET.get("kind")
        kind = kind if is_reviewed_kind(kind) else None
        reviewers = Reviewer.objects.filter(is_active=True)
        reviewer_id = request.GET.get("reviewer", "")
        reviewer = (
            reviewers.filter(pk=reviewer_id).first() if is_whole(reviewer_id) else None
        )
        board = dashboard(kind=kind, reviewer=reviewer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Review dashboard"),
            "board": board,
            "sections": [
                ("overdue", _("Overdue for review"), board.overdue),
                (
                    "due-soon",
                    _("Due for review within %(days)s days")
                    % {"days": settings.REVIEW_DUE_SOON_DAYS},
                    board.due_soon,
                ),
                ("waiting", _("Versions waiting for review"), board.waiting),
                (
                    "changed",
                    _("Approved items edited since, not submitted yet"),
                    board.changed,
                ),
                (
                    "changes-requested",
                    _("Changes requested, waiting for the editor"),
                    board.changes_requested,
                ),
            ],
            # Behind their English: each with what changed in the English.
            "out_of_date_translations": out_of_date_translations(),
            "kinds": [(r.kind, r.verbose_name) for r in reviewed_types()],
            "kind": kind,
            "reviewers": reviewers,
            "reviewer": reviewer,
            # Rows whose approved version a reviewer may confirm from here.
            "confirmable": ("overdue", "due-soon")
            if request.user.has_perm("reviews.add_reviewrecord")
            else (),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/reviews/dashboard.html", context)
