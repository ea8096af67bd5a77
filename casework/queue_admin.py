"""The coordinators' queue and inquiry page, with casework on top.

``InquiryAdmin`` (inquiries) keeps its filters, actions, export and erasure
endpoints; this subclass replaces it in the admin site to add the saved views,
the one-click sorts, a queue that fits 1280 px, the workspace as the inquiry
page, and the casework dashboard. Inquiries know nothing of it.
"""

from functools import partial

from django.contrib import admin
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from inquiries.admin import InquiryAdmin, short_datetime
from inquiries.admin_views import require
from inquiries.charts import stacked_bars
from inquiries.models import Inquiry
from inquiries.selectors import dashboard_figures, weekly_counts_by_cancer_type
from inquiries.workflow import Priority

from . import workspace
from .charts import path_bars
from .selectors import SAVED_VIEWS, casework_figures, casework_path

SORTS = {
    "newest": (gettext_lazy("Newest first"), ["-received_at", "-pk"]),
    "urgent": (
        gettext_lazy("Most urgent first"),
        ["priority", "first_response_due", "pk"],
    ),
}


class TabFilter(admin.SimpleListFilter):
    """A filter shown as tabs above the queue, not in the sidebar."""

    template = "admin/casework/no_filter.html"


class SavedViewFilter(TabFilter):
    title = gettext_lazy("saved view")
    parameter_name = "view"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, __) in SAVED_VIEWS.items()]

    def queryset(self, request, queryset):
        if self.value() in SAVED_VIEWS:
            return SAVED_VIEWS[self.value()][1](queryset, request.user)
        return queryset


class SortFilter(TabFilter):
    """Carries ``sort`` so the change list accepts it; ordering is applied by
    ``get_ordering`` (the change list orders after filtering)."""

    title = gettext_lazy("order")
    parameter_name = "sort"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, __) in SORTS.items()]

    def queryset(self, request, queryset):
        return queryset


class CaseworkInquiryAdmin(InquiryAdmin):
    list_display = [
        "reference",
        "received_column",
        "cancer_type_column",
        "country_column",
        "status_column",
        "assignee",
        "due_column",
    ]
    list_filter = [SavedViewFilter, SortFilter, *InquiryAdmin.list_filter]
    change_list_template = "admin/casework/queue.html"

    class Media:
        css = {"all": ["inquiries/admin.css", "casework/workspace.css"]}

    @admin.display(description=gettext_lazy("received"), ordering="received_at")
    def received_column(self, obj):
        return short_datetime(obj.received_at)

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_column(self, obj):
        if obj.priority in (Priority.URGENT, Priority.HIGH):
            return format_html(
                '{} <span class="cw-priority cw-priority--{}">{}</span>',
                obj.get_status_display(),
                obj.priority,
                obj.get_priority_display(),
            )
        return obj.get_status_display()

    def get_ordering(self, request):
        sort = request.GET.get("sort")
        if sort in SORTS:
            return SORTS[sort][1]
        return super().get_ordering(request)

    def changelist_view(self, request, extra_context=None):
        params = request.GET.copy()
        current = {"view": params.get("view", ""), "sort": params.get("sort", "")}

        def link(**changes):
            query = params.copy()
            query.pop("p", None)
            query.pop("o", None)
            for key, value in changes.items():
                query.pop(key, None)
                if value:
                    query[key] = value
            return "?" + query.urlencode() if query else "?"

        extra = {
            "saved_views": [
                (label, link(view=key), current["view"] == key)
                for key, (label, __) in SAVED_VIEWS.items()
            ],
            "all_view": (link(view=""), not current["view"]),
            "sorts": [
                (label, link(sort=key), current["sort"] == key)
                for key, (label, __) in SORTS.items()
            ],
        }
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return workspace.workspace_view(self, request, object_id)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(partial(view, self))

        name = "inquiries_inquiry_"
        ours = [
            path("dashboard/", wrap(casework_dashboard), name=name + "dashboard"),
            path(
                "<int:inquiry_id>/request-assessment/",
                wrap(workspace.request_assessment_view),
                name=name + "request_assessment",
            ),
            path(
                "<int:inquiry_id>/revoke-links/",
                wrap(workspace.revoke_links_view),
                name=name + "revoke_links",
            ),
        ]
        replaced = {pattern.name for pattern in ours}
        return ours + [
            pattern
            for pattern in super().get_urls()
            if getattr(pattern, "name", None) not in replaced
        ]


# The 90-day path reads every recent inquiry (some 11,000 rows at 100,000):
# like the queue's counts, it is worked out at most once a minute.
PATH_CACHE_SECONDS = 60


def _cached_path() -> dict:
    key = f"casework:dashboard-path:{get_language()}"
    path = cache.get(key)
    if path is None:
        path = casework_path()
        cache.set(key, path, PATH_CACHE_SECONDS)
    return path


def casework_dashboard(model_admin, request):
    """The inquiries dashboard with the path to an answer and each one's load."""
    require(request, "inquiries.view_inquiry")
    counts = dashboard_figures()
    figures = casework_figures(load=counts["open_by_assignee"], path=_cached_path())
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Inquiries dashboard"),
        "opts": model_admin.model._meta,
        "figures": counts,
        "chart": stacked_bars(weekly_counts_by_cancer_type()),
        "casework": figures,
        "path_chart": path_bars([(step.label, step.count) for step in figures["path"]]),
        "load_chart": path_bars(figures["load"], shares=False),
    }
    return TemplateResponse(request, "admin/casework/dashboard.html", context)


admin.site.unregister(Inquiry)
admin.site.register(Inquiry, CaseworkInquiryAdmin)
