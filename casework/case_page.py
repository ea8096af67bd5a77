"""Showing a case to staff: every page that renders it is a logged view."""

from django.template.response import TemplateResponse

from inquiries.models import AccessLog, Inquiry
from inquiries.services import access_log_record


def case_page(
    request, template: str, context: dict, *, inquiry: Inquiry, status=200, detail=""
) -> TemplateResponse:
    """The rendered page, after its access-log row.

    Whatever the method: a preview, a filled-in template or a refused form shows
    the whole case as a GET does, and the log must answer "who saw this case".
    A POST that redirects renders nothing, so the page it leads to logs instead.
    """
    access_log_record(
        user=request.user,
        action=AccessLog.Action.VIEW_INQUIRY,
        inquiry=inquiry,
        detail=detail,
    )
    return TemplateResponse(request, template, context, status=status)
