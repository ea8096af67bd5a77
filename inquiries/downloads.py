"""Serving a medical record to staff: an attachment the browser must not render
or cache, and a row in the access log. The caller has checked the right."""

import logging

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from .files import CONTENT_TYPES, EXTENSIONS, private_storage
from .models import AccessLog, InquiryFile
from .services import access_log_record

logger = logging.getLogger(__name__)


def file_response(request, record: InquiryFile, *, detail: str = "") -> FileResponse:
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
