"""Serving a medical record to staff, and a row in the access log for each
serving. The caller has checked the right.

A download is an attachment; the viewer's copy is "inline" for the viewer's own
script (PDF.js) or an ``<img>`` to read. Either way the answer is sandboxed,
never sniffed and never cached, so no script in a file can run as the site.
"""

import logging

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from .files import CONTENT_TYPES, EXTENSIONS, private_storage
from .models import AccessLog, InquiryFile
from .services import access_log_record

logger = logging.getLogger(__name__)


def file_response(
    request, record: InquiryFile, *, detail: str = "", inline: bool = False
) -> FileResponse:
    """Serve one medical record and log it; the caller has checked the right.

    ``inline`` serves it to the record viewer and logs a view, not a download.
    """
    try:
        handle = private_storage().open(record.stored_name, "rb")
    except FileNotFoundError:
        logger.error("Stored file missing for medical record %s", record.pk)
        raise Http404(_("This file is missing from storage.")) from None
    inquiry = record.inquiry
    number = list(inquiry.files.values_list("pk", flat=True)).index(record.pk) + 1
    access_log_record(
        user=request.user,
        action=(
            AccessLog.Action.VIEW_FILE if inline else AccessLog.Action.DOWNLOAD_FILE
        ),
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
        as_attachment=not inline,
        filename=f"{inquiry.reference}-{number}.{EXTENSIONS[record.kind]}",
        content_type=CONTENT_TYPES[record.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "no-store, private"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
