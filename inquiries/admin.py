"""The coordinators' queue: list, filters, bulk actions and erasure.

Submitted data is read-only here; every change goes through ``services``. The
admin log (LogEntry) only ever sees the reference (``Inquiry.__str__``) and the
messages written below, never a patient's name.
"""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cancerfax.admin import ReadOnlyAdminMixin

from . import (
    admin_records,  # noqa: F401  (registers the outbox and the access log)
    admin_views,
    retention,
    services,
    triage,
)
from .admin_filters import AssigneeFilter, CountryFilter, OverdueFilter
from .consent import consent_text
from .models import Inquiry
from .queue import QueueAtVolumeMixin
from .workflow import Priority


def short_datetime(value):
    if value is None:
        return "—"
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def priority_action(priority: Priority):
    def action(model_admin, request, queryset):
        model_admin.apply_to_each(
            request,
            queryset,
            lambda inquiry: triage.inquiry_set_priority(
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
        "received_at",
        "cancer_type_column",
        "country_column",
        "guide_column",
        "status",
        "priority",
        "assignee",
        "due_column",
    ]
    list_filter = [
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
    ordering = ["priority", "first_response_due"]
    list_per_page = 50
    view_on_site = False
    actions = [
        "assign_to_me",
        *(priority_action(priority) for priority in Priority),
        "mark_as_spam",
        "erase_personal_data",
    ]
    fieldsets = [
        (
            gettext_lazy("Triage"),
            {
                "fields": [
                    "reference",
                    "received_at",
                    "status",
                    "outcome",
                    "priority",
                    "assignee",
                    "first_response_due",
                    "first_responded_at",
                    "response_time",
                    "closed_at",
                    "erased_at",
                ]
            },
        ),
        (
            gettext_lazy("Who is writing"),
            {"fields": list(services.SENDER_FIELDS)},
        ),
        (
            gettext_lazy("Diagnosis and questions"),
            {
                "fields": [
                    "cancer_type_column",
                    "diagnosis",
                    "stage",
                    "treatments_list",
                    "treatments_other",
                    "current_condition",
                    "questions",
                ]
            },
        ),
        (
            gettext_lazy("Origin and consent"),
            {
                "fields": [
                    "guide_column",
                    "source_therapy",
                    "consent",
                    "consent_given_at",
                    "marketing_consent",
                    "marketing_consent_at",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = [
        "response_time",
        "cancer_type_column",
        "diagnosis",
        "treatments_list",
        "guide_column",
        "consent",
    ]

    class Media:
        css = {"all": ["inquiries/admin.css"]}

    @admin.display(description=gettext_lazy("cancer type"), ordering="cancer_type")
    def cancer_type_column(self, obj):
        return obj.cancer_type_label or "—"

    @admin.display(description=gettext_lazy("country"), ordering="country")
    def country_column(self, obj):
        return obj.country_name

    @admin.display(description=gettext_lazy("guide of origin"))
    def guide_column(self, obj):
        return obj.source_guide_title or "—"

    @admin.display(
        description=gettext_lazy("first response due"), ordering="first_response_due"
    )
    def due_column(self, obj):
        if obj.is_overdue:
            return format_html(
                '<span class="inquiry-overdue">{} ({})</span>',
                short_datetime(obj.first_response_due),
                _("overdue"),
            )
        if obj.first_responded_at:
            return _("answered")
        return short_datetime(obj.first_response_due)

    @admin.display(description=gettext_lazy("time to first response"))
    def response_time(self, obj):
        delta = obj.time_to_first_response
        if delta is None:
            return "—"
        hours, seconds = divmod(int(delta.total_seconds()), 3600)
        return _("%(hours)d h %(minutes)02d min") % {
            "hours": hours,
            "minutes": seconds // 60,
        }

    @admin.display(description=gettext_lazy("diagnosed"))
    def diagnosis(self, obj):
        if not obj.diagnosis_year:
            return "—"
        if obj.diagnosis_month:
            return f"{obj.diagnosis_month:02d}/{obj.diagnosis_year}"
        return str(obj.diagnosis_year)

    @admin.display(description=gettext_lazy("treatments so far"))
    def treatments_list(self, obj):
        return ", ".join(str(label) for label in obj.treatment_labels()) or "—"

    @admin.display(description=gettext_lazy("health-data consent"))
    def consent(self, obj):
        return format_html(
            "{} — “{}”", obj.consent_version, consent_text(obj.consent_version)
        )

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        name = "inquiries_inquiry_"
        return [
            path(
                "dashboard/",
                wrap(partial(admin_views.dashboard, self)),
                name=name + "dashboard",
            ),
            path(
                "export/",
                wrap(partial(admin_views.export_csv, self)),
                name=name + "export",
            ),
            path(
                "<int:inquiry_id>/files/<int:file_id>/",
                wrap(admin_views.file_download),
                name=name + "file",
            ),
            path("<int:inquiry_id>/erase/", wrap(self.erase_view), name=name + "erase"),
            *super().get_urls(),
        ]

    def log_change(self, request, obj, message):
        # ``message`` is always one of the neutral sentences of this module.
        return super().log_change(request, obj, str(message))

    def construct_change_message(self, request, form, formsets, add=False):
        # Field names only; never values, which hold names and health data.
        return [{"changed": {"fields": sorted(form.changed_data)}}]

    # Erasure of one inquiry, linked from its workspace.

    def erase_view(self, request, inquiry_id):
        if not request.user.has_perm("inquiries.erase_inquiry"):
            raise PermissionDenied
        inquiry = get_object_or_404(Inquiry, pk=inquiry_id)
        if request.method == "POST":
            return self._erase(request, [inquiry])
        return self.erase_confirmation(request, [inquiry], bulk=False)

    def erase_confirmation(self, request, inquiries, *, bulk):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase personal data?"),
            "opts": self.model._meta,
            "inquiries": inquiries,
            "bulk": bulk,
        }
        return TemplateResponse(
            request, "admin/inquiries/inquiry/erase_confirmation.html", context
        )

    def _erase(self, request, inquiries):
        for inquiry in inquiries:
            retention.inquiry_erase(inquiry=inquiry, actor=request.user)
            self.log_change(request, inquiry, _("Personal data erased on request."))
        self.message_user(
            request,
            _("Personal data and files of %(count)d inquiry(ies) erased.")
            % {"count": len(inquiries)},
            messages.SUCCESS,
        )
        if len(inquiries) == 1:
            return redirect("admin:inquiries_inquiry_change", inquiries[0].pk)
        return redirect("admin:inquiries_inquiry_changelist")

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
            self.message_user(
                request,
                _("%(message)s: %(count)d inquiry(ies).")
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
            lambda inquiry: triage.inquiry_assign(
                inquiry=inquiry, assignee=request.user, actor=request.user
            ),
            _("Assigned to me"),
        )

    @admin.action(description=gettext_lazy("Mark as spam"), permissions=["change"])
    def mark_as_spam(self, request, queryset):
        self.apply_to_each(
            request,
            queryset,
            lambda inquiry: triage.inquiry_mark_spam(
                inquiry=inquiry, actor=request.user
            ),
            _("Closed as spam"),
        )

    @admin.action(
        description=gettext_lazy("Erase personal data on request…"),
        permissions=["erase"],
    )
    def erase_personal_data(self, request, queryset):
        inquiries = list(queryset.filter(erased_at__isnull=True))
        if request.POST.get("confirm") == "yes":
            return self._erase(request, inquiries)
        return self.erase_confirmation(request, inquiries, bulk=True)

    def has_erase_permission(self, request):
        return request.user.has_perm("inquiries.erase_inquiry")
