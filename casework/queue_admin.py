"""The coordinators' queue: the inquiries' one admin.

The list with its saved views, one-click sorts, filters and bulk actions; the
workspace as each inquiry's page (``change_view``: the admin's own URL, so every
link to an inquiry, ``Inquiry.get_absolute_url`` included, opens it); and the
queue's pages (``queue_views``). Submitted data is read-only; every change goes
through inquiries' and casework's services. The admin log (LogEntry) only ever
sees the reference (``Inquiry.__str__``) and the neutral sentences written
here, never a patient's name.
"""

from functools import partial, wraps

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cancerfax.admin import ReadOnlyAdminMixin
from inquiries.admin_filters import AssigneeFilter, CountryFilter, OverdueFilter
from inquiries.models import Inquiry
from inquiries.queue import QueueAtVolumeMixin
from inquiries.triage import inquiry_assign, inquiry_mark_spam, inquiry_set_priority
from inquiries.workflow import Priority

from . import queue_views, records_viewer, workspace
from .dates import when
from .selectors import SAVED_VIEWS, saved_view_counts, saved_view_counts_forget

# The default order comes first: what needs a reply, then priority, then the
# latest activity (``InquiryAdmin.ordering``, served by its index).
DEFAULT_ORDER = ["-needs_reply", "priority", "-last_activity_at"]
SORTS = {
    "action": (gettext_lazy("Needs action first"), DEFAULT_ORDER),
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


def column(description, **options):
    """A queue column whose cells also carry its label, shown only when the rows
    become cards on a narrow screen (``workspace.css``): a phone has no header."""

    def wrap(method):
        @wraps(method)
        def cell(self, obj):
            return format_html(
                '<span class="cw-cell-label">{}: </span>{}',
                capfirst(description),
                method(self, obj),
            )

        return admin.display(description=description, **options)(cell)

    return wrap


def priority_action(priority: Priority):
    def action(model_admin, request, queryset):
        model_admin.apply_to_each(
            request,
            queryset,
            lambda inquiry: inquiry_set_priority(
                inquiry=inquiry, priority=priority, actor=request.user
            ),
            _("Priority set to %(priority)s") % {"priority": priority.label},
        )

    action.__name__ = f"set_priority_{priority.name.lower()}"
    return admin.action(
        description=format_lazy(gettext_lazy("Set priority: {}"), priority.label),
        permissions=["change"],
    )(action)


@admin.register(Inquiry)
class InquiryAdmin(QueueAtVolumeMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    bulk_actions_allowed = True
    list_display = [
        "reference",
        "received_column",
        "cancer_type_column",
        "country_column",
        "status_column",
        "assignee_column",
        "activity_column",
        "due_column",
    ]
    list_filter = [
        SavedViewFilter,
        SortFilter,
        "status",
        AssigneeFilter,
        "cancer_type",
        CountryFilter,
        ("received_at", admin.DateFieldListFilter),
        OverdueFilter,
        "priority",
    ]
    list_select_related = ["cancer_type", "source_guide", "assignee"]
    search_fields = ["reference", "email", "patient_name", "phone"]
    ordering = DEFAULT_ORDER
    list_per_page = 50
    view_on_site = False
    change_list_template = "admin/casework/queue.html"
    actions = [
        "assign_to_me",
        *(priority_action(priority) for priority in Priority),
        "mark_as_spam",
        "erase_personal_data",
    ]

    class Media:
        css = {"all": ["inquiries/admin.css", "casework/workspace.css"]}

    @column(description=gettext_lazy("received"), ordering="received_at")
    def received_column(self, obj):
        return when(obj.received_at)

    @column(description=gettext_lazy("cancer type"), ordering="cancer_type")
    def cancer_type_column(self, obj):
        return obj.cancer_type_label or "—"

    @column(description=gettext_lazy("country"), ordering="country")
    def country_column(self, obj):
        return obj.country_name

    @column(description=gettext_lazy("status"), ordering="status")
    def status_column(self, obj):
        if obj.priority in (Priority.URGENT, Priority.HIGH):
            return format_html(
                '{} <span class="cw-priority cw-priority--{}">{}</span>',
                obj.get_status_display(),
                obj.priority,
                obj.get_priority_display(),
            )
        return obj.get_status_display()

    @column(description=gettext_lazy("assignee"), ordering="assignee")
    def assignee_column(self, obj):
        return obj.assignee.get_display_name() if obj.assignee else "—"

    @column(description=gettext_lazy("last activity"), ordering="last_activity_at")
    def activity_column(self, obj):
        label = obj.get_last_activity_display()
        if obj.needs_reply and obj.is_open:
            label = format_html('<strong class="cw-needs-reply">{}</strong>', label)
        return format_html("{}<br>{}", label, when(obj.last_activity_at))

    @column(
        description=gettext_lazy("first response due"), ordering="first_response_due"
    )
    def due_column(self, obj):
        if obj.is_overdue:
            return format_html(
                '<span class="inquiry-overdue">{} ({})</span>',
                when(obj.first_response_due),
                _("overdue"),
            )
        if obj.first_responded_at:
            return _("answered")
        return when(obj.first_response_due)

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

        counts = saved_view_counts(request.user)
        extra = {
            "saved_views": [
                (label, link(view=key), current["view"] == key, counts[key])
                for key, (label, __) in SAVED_VIEWS.items()
            ],
            "all_view": (link(view=""), not current["view"], counts["all"]),
            "sorts": [
                (label, link(sort=key), (current["sort"] or "action") == key)
                for key, (label, __) in SORTS.items()
            ],
        }
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The case is worked on, not edited: the workspace is the inquiry's page.
        return workspace.workspace_view(self, request, object_id)

    def get_urls(self):
        def wrap(view, *, with_admin=True):
            return self.admin_site.admin_view(
                partial(view, self) if with_admin else view
            )

        name = "inquiries_inquiry_"
        return [
            path("dashboard/", wrap(queue_views.dashboard), name=name + "dashboard"),
            path("export/", wrap(queue_views.export_csv), name=name + "export"),
            path(
                "<int:inquiry_id>/files/<int:file_id>/",
                wrap(queue_views.file_download, with_admin=False),
                name=name + "file",
            ),
            path(
                "<int:inquiry_id>/files/<int:file_id>/view/",
                wrap(records_viewer.coordinator_viewer),
                name=name + "file_view",
            ),
            path(
                "<int:inquiry_id>/files/<int:file_id>/content/",
                wrap(records_viewer.coordinator_content, with_admin=False),
                name=name + "file_content",
            ),
            path(
                "<int:inquiry_id>/erase/",
                wrap(queue_views.erase_view),
                name=name + "erase",
            ),
            *super().get_urls(),
        ]

    def log_change(self, request, obj, message):
        # ``message`` is always one of the neutral sentences of this module.
        return super().log_change(request, obj, str(message))

    # Bulk actions on the queue.

    def apply_to_each(self, request, queryset, perform, message):
        done, refused = 0, []
        for inquiry in queryset:
            try:
                perform(inquiry)
            except ValidationError as error:
                refused.append(f"{inquiry.reference}: {' '.join(error.messages)}")
            else:
                done += 1
                self.log_change(request, inquiry, message)
        if done:
            saved_view_counts_forget(request.user)
            self.message_user(
                request,
                ngettext(
                    "%(message)s: %(count)d inquiry.",
                    "%(message)s: %(count)d inquiries.",
                    done,
                )
                % {"message": message, "count": done},
                messages.SUCCESS,
            )
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)

    @admin.action(description=gettext_lazy("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        self.apply_to_each(
            request,
            queryset,
            lambda inquiry: inquiry_assign(
                inquiry=inquiry, assignee=request.user, actor=request.user
            ),
            _("Assigned to me"),
        )

    @admin.action(description=gettext_lazy("Mark as spam"), permissions=["change"])
    def mark_as_spam(self, request, queryset):
        self.apply_to_each(
            request,
            queryset,
            lambda inquiry: inquiry_mark_spam(inquiry=inquiry, actor=request.user),
            _("Closed as spam"),
        )

    @admin.action(
        description=gettext_lazy("Erase personal data on request…"),
        permissions=["erase"],
    )
    def erase_personal_data(self, request, queryset):
        inquiries = list(queryset.filter(erased_at__isnull=True))
        if request.POST.get("confirm") == "yes":
            return queue_views.erase(self, request, inquiries)
        return queue_views.erase_confirmation(self, request, inquiries, bulk=True)

    def has_erase_permission(self, request):
        return request.user.has_perm("inquiries.erase_inquiry")
