"""The clinician's desk: the requests sent to them, the case, its files, and the
assessment form. A clinician has no permission on inquiries: every page here
checks that the request was sent to them (``access.can_assess``)."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cancerfax.numbers import is_whole
from inquiries.downloads import file_response

from . import records_viewer
from .access import can_assess, can_triage, clinician_requests
from .assessments import assessment_initial, assessment_record
from .case_page import case_page
from .clinician_home import waited
from .forms import AssessmentForm
from .models import AssessmentRequest


class RequestStateFilter(admin.SimpleListFilter):
    """Waiting for an assessment, or answered: the clinician's two piles."""

    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("waiting", gettext_lazy("Waiting for an assessment")),
            ("answered", gettext_lazy("Answered")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(answered_at=None)
        if self.value() == "answered":
            return queryset.exclude(answered_at=None)
        return queryset


@admin.register(AssessmentRequest)
class AssessmentRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "question_short", "cancer_type", "age", "state"]
    list_display_links = ["reference"]
    list_select_related = ["inquiry", "inquiry__cancer_type"]
    list_filter = [RequestStateFilter]
    ordering = ["answered_at", "created_at"]
    actions = None
    # Rows become cards on a narrow screen.
    change_list_template = "admin/casework/clinician_list.html"

    @admin.display(description=gettext_lazy("case"), ordering="inquiry__reference")
    def reference(self, obj):
        return obj.inquiry.reference

    @admin.display(description=gettext_lazy("question"))
    def question_short(self, obj):
        return Truncator(obj.question).words(20) or "—"

    @admin.display(description=gettext_lazy("cancer type"))
    def cancer_type(self, obj):
        return obj.inquiry.cancer_type_label or "—"

    @admin.display(description=gettext_lazy("sent"), ordering="created_at")
    def age(self, obj):
        return _("%(age)s ago") % {"age": waited(obj)}

    @admin.display(description=gettext_lazy("state"), ordering="answered_at")
    def state(self, obj):
        if obj.answered_at is None:
            return _("Waiting for an assessment")
        return _("Answered %(date)s") % {
            "date": date_format(timezone.localtime(obj.answered_at))
        }

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_triage(request.user):
            return queryset
        return queryset.filter(pk__in=clinician_requests(request.user).values("pk"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(partial(view, self))

        name = "casework_assessmentrequest_"
        return [
            path(
                "<int:request_id>/files/<int:file_id>/",
                wrap(clinician_file),
                name=name + "file",
            ),
            path(
                "<int:request_id>/files/<int:file_id>/view/",
                wrap(clinician_file_view),
                name=name + "file_view",
            ),
            path(
                "<int:request_id>/files/<int:file_id>/content/",
                wrap(clinician_file_content),
                name=name + "file_content",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return clinician_case(self, request, object_id)


def _request_for(request, request_id) -> AssessmentRequest:
    if not is_whole(request_id):
        raise Http404
    sent = get_object_or_404(
        AssessmentRequest.objects.select_related("inquiry", "inquiry__cancer_type"),
        pk=int(request_id),
    )
    if not can_assess(request.user, sent):
        raise PermissionDenied
    return sent


def clinician_case(model_admin, request, object_id):
    """The case as the clinician needs it (no contacts), and the assessment form."""
    if can_triage(request.user) and is_whole(object_id):
        sent = get_object_or_404(AssessmentRequest, pk=int(object_id))
        return redirect("admin:inquiries_inquiry_change", sent.inquiry_id)
    sent = _request_for(request, object_id)
    inquiry = sent.inquiry
    form = AssessmentForm(initial=assessment_initial(inquiry))
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            values = dict(form.cleaned_data)
            centres = values.pop("suggested_centres")
            try:
                assessment_record(
                    request=sent, clinician=request.user, values=values, centres=centres
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Assessment signed and recorded."))
                return redirect("admin:casework_assessmentrequest_change", sent.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Assessment of %(reference)s") % {"reference": inquiry.reference},
        "sent": sent,
        "inquiry": inquiry,
        "files": list(enumerate(inquiry.files.all(), start=1)),
        "assessments": inquiry.assessments.select_related("clinician").order_by(
            "-signed_at", "-pk"
        ),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return case_page(
        request,
        "admin/casework/clinician_case.html",
        context,
        inquiry=inquiry,
        status=status,
        detail=_("As clinician, request %(request)d") % {"request": sent.pk},
    )


def _sent_record(request, request_id, file_id):
    sent = _request_for(request, request_id)
    return sent, get_object_or_404(sent.inquiry.files, pk=file_id)


def clinician_file(model_admin, request, request_id, file_id, inline=False):
    sent, record = _sent_record(request, request_id, file_id)
    return file_response(
        request,
        record,
        inline=inline,
        detail=_("As clinician, request %(request)d") % {"request": sent.pk},
    )


def clinician_file_content(model_admin, request, request_id, file_id):
    return clinician_file(model_admin, request, request_id, file_id, inline=True)


def clinician_file_view(model_admin, request, request_id, file_id):
    sent, record = _sent_record(request, request_id, file_id)
    return records_viewer.clinician_viewer(model_admin, request, sent, record)
