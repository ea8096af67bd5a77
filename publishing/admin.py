"""Cache purges in the admin, read-only: what was purged, what failed and why."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cancerfax.admin import ReadOnlyAdminMixin
from cancerfax.retries import RetriedAdminMixin, state_filter

from .models import EdgePurge
from .purging import purges_retry

PurgeStateFilter = state_filter(
    done_field="purged_at",
    done=("purged", gettext_lazy("Purged")),
    not_done=gettext_lazy("Not purged yet"),
    failed=gettext_lazy("Failed at least once, not purged"),
)


@admin.register(EdgePurge)
class EdgePurgeAdmin(RetriedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    bulk_actions_allowed = True
    done_field = "purged_at"
    list_display = [
        "__str__",
        "created_at",
        "backend",
        "state_column",
        "attempts",
        "purged_at",
        "next_attempt_at",
        "error_column",
    ]
    list_filter = [PurgeStateFilter, "backend"]
    actions = ["retry_now"]
    fields = [
        "paths",
        "backend",
        "created_at",
        "purged_at",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]

    @admin.action(description=gettext_lazy("Retry now"), permissions=["change"])
    def retry_now(self, request, queryset):
        queued = purges_retry(purges=list(queryset))
        self.message_user(
            request,
            _("%(count)d purge(s) queued to be sent now.") % {"count": queued},
            messages.SUCCESS,
        )
