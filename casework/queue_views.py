"""The queue's own pages behind the admin login: dashboard, CSV export, a
record's download and erasure on request.

``InquiryAdmin.get_urls`` wraps each in ``admin_site.admin_view`` (staff login,
CSRF, never cached); each checks its own permission on top.
"""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from inquiries.charts import stacked_bars
from inquiries.downloads import file_response
from inquiries.export import export_csv_chunks
from inquiries.models import AccessLog, Inquiry, InquiryFile
from inquiries.retention import inquiry_erase
from inquiries.selectors import dashboard_figures, weekly_counts_by_cancer_type
from inquiries.services import access_log_record

from .charts import path_bars
from .selectors import casework_figures, casework_path

# The 90-day path reads every recent inquiry (some 11,000 rows at 100,000):
# like the queue's counts, it is worked out at most once a minute.
PATH_CACHE_SECONDS = 60


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _cached_path() -> dict:
    key = f"casework:dashboard-path:{get_language()}"
    path = cache.get(key)
    if path is None:
        path = casework_path()
        cache.set(key, path, PATH_CACHE_SECONDS)
    return path


def dashboard(model_admin, request):
    """Counts by status, overdue inquiries, a chart of inquiries per week, the
    path to an answer and each coordinator's load."""
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


def file_download(request, inquiry_id: int, file_id: int):
    """A medical record, as an attachment the browser must not render or cache."""
    require(request, "inquiries.view_inquiry")
    record = get_object_or_404(
        InquiryFile.objects.select_related("inquiry"),
        pk=file_id,
        inquiry_id=inquiry_id,
    )
    return file_response(request, record)


def export_csv(model_admin, request):
    """The queue as filtered on screen, as streamed CSV; logged, without names or
    contacts. The log entry is written first, with the number of rows."""
    require(request, "inquiries.export_inquiry")
    try:
        changelist = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return HttpResponseBadRequest(_("Those filters are not valid."))
    queryset = changelist.get_queryset(request)
    # The search box may hold a name: log that a search was used, not its words.
    filters = sorted(key for key in request.GET if key != "q")
    detail = _("%(count)d rows; filters: %(filters)s; search: %(search)s") % {
        "count": queryset.count(),
        "filters": ", ".join(filters) or "-",
        "search": _("yes") if request.GET.get("q") else _("no"),
    }
    access_log_record(
        user=request.user, action=AccessLog.Action.EXPORT_CSV, detail=detail
    )
    response = StreamingHttpResponse(
        export_csv_chunks(queryset), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="inquiries-{stamp}.csv"'
    response["Cache-Control"] = "no-store, private"
    return response


def erase_view(model_admin, request, inquiry_id):
    """Erasure of one inquiry, linked from its workspace."""
    require(request, "inquiries.erase_inquiry")
    inquiry = get_object_or_404(Inquiry, pk=inquiry_id)
    if request.method == "POST":
        return erase(model_admin, request, [inquiry])
    return erase_confirmation(model_admin, request, [inquiry], bulk=False)


def erase_confirmation(model_admin, request, inquiries, *, bulk):
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Erase personal data?"),
        "opts": model_admin.model._meta,
        "inquiries": inquiries,
        "bulk": bulk,
    }
    return TemplateResponse(
        request, "admin/inquiries/inquiry/erase_confirmation.html", context
    )


def erase(model_admin, request, inquiries):
    for inquiry in inquiries:
        inquiry_erase(inquiry=inquiry, actor=request.user)
        model_admin.log_change(request, inquiry, _("Personal data erased on request."))
    model_admin.message_user(
        request,
        ngettext(
            "Personal data and files of %(count)d inquiry erased.",
            "Personal data and files of %(count)d inquiries erased.",
            len(inquiries),
        )
        % {"count": len(inquiries)},
        messages.SUCCESS,
    )
    if len(inquiries) == 1:
        return redirect("admin:inquiries_inquiry_change", inquiries[0].pk)
    return redirect("admin:inquiries_inquiry_changelist")
