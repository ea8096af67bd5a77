"""Staff pages behind the admin login: file download, CSV export, dashboard.

``InquiryAdmin.get_urls`` wraps each in ``admin_site.admin_view`` (staff login,
CSRF, never cached); each checks its own permission on top.
"""

import logging

from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .charts import stacked_bars
from .export import export_csv_chunks
from .files import CONTENT_TYPES, EXTENSIONS, private_storage
from .models import AccessLog, InquiryFile
from .selectors import dashboard_figures, weekly_counts_by_cancer_type
from .services import access_log_record

logger = logging.getLogger(__name__)


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def file_download(request, inquiry_id: int, file_id: int):
    """A medical record, as an attachment the browser must not render or cache."""
    require(request, "inquiries.view_inquiry")
    record = get_object_or_404(
        InquiryFile.objects.select_related("inquiry"),
        pk=file_id,
        inquiry_id=inquiry_id,
    )
    return file_response(request, record)


def file_response(request, record: InquiryFile, *, detail: str = ""):
    """Serve one medical record and log it; the caller has checked the right."""
    try:
        handle = private_storage().open(record.stored_name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing for medical record %s", record.pk)
        raise Http404(_("This file is missing from storage.")) from None
    inquiry = record.inquiry
    number = list(inquiry.files.values_list("pk", flat=True)).index(record.pk) + 1
    access_log_record(
        user=request.user,
        action=AccessLog.Action.DOWNLOAD_FILE,
        inquiry=inquiry,
        file=record,
        detail=" · ".join(
            part
            for part in (
                _("File %(number)d (%(kind)s)")
                % {"number": number, "kind": record.get_kind_display()},
                detail,
            )
            if part
        ),
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{inquiry.reference}-{number}.{EXTENSIONS[record.kind]}",
        content_type=CONTENT_TYPES[record.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "no-store, private"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


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


def dashboard(model_admin, request):
    """Counts by status, overdue inquiries and a chart of inquiries per week."""
    require(request, "inquiries.view_inquiry")
    weekly = weekly_counts_by_cancer_type()
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Inquiries dashboard"),
        "opts": model_admin.model._meta,
        "figures": dashboard_figures(),
        "chart": stacked_bars(weekly),
    }
    return TemplateResponse(request, "admin/inquiries/inquiry/dashboard.html", context)
