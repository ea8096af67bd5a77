"""Medical records read in place: a PDF or an image beside the case.

Two pages per reader, each checking its own right: the viewer (the case's
summary, the file's check result and the record) and the record's bytes, which
the viewer's script (PDF.js, drawing to canvas) or an ``<img>`` reads. Opening
the viewer logs a view of the case; each reading of the bytes logs a view of
the file. Coordinators see every case; a clinician only the cases sent to them.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from inquiries.downloads import file_response
from inquiries.models import InquiryFile

from .case_page import case_page

VIEWABLE = {InquiryFile.Kind.PDF, InquiryFile.Kind.JPEG, InquiryFile.Kind.PNG}


def _coordinator_record(request, inquiry_id, file_id) -> InquiryFile:
    # The download's rule (``queue_views.file_download``): what may be
    # downloaded may be read in place, and nothing more.
    if not request.user.has_perm("inquiries.view_inquiry"):
        raise PermissionDenied
    return get_object_or_404(
        InquiryFile.objects.select_related("inquiry", "inquiry__cancer_type"),
        pk=file_id,
        inquiry_id=inquiry_id,
    )


URL_NAMES = {"view": "file_view", "content": "file_content", "download": "file"}
# Whose viewer: the admin URL prefix of the reader's pages (the coordinator's
# under the inquiry, the clinician's under the request sent to them) and
# whether the case shows the patient's contacts.
READERS = {
    "coordinator": ("inquiries_inquiry", True),
    "clinician": ("casework_assessmentrequest", False),
}


def _viewer(model_admin, request, *, record, reader, owner_pk, detail):
    prefix, contacts = READERS[reader]
    inquiry = record.inquiry

    def url(row, what):
        return reverse(f"admin:{prefix}_{URL_NAMES[what]}", args=[owner_pk, row.pk])

    numbered = list(enumerate(inquiry.files.all(), start=1))
    number = next(n for n, other in numbered if other.pk == record.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("%(reference)s: file %(number)d")
        % {"reference": inquiry.reference, "number": number},
        "inquiry": inquiry,
        "record": record,
        "number": number,
        "viewable": record.kind in VIEWABLE,
        "content_url": url(record, "content"),
        "download_url": url(record, "download"),
        "others": [(n, other, url(other, "view")) for n, other in numbered],
        "back": reverse(f"admin:{prefix}_change", args=[owner_pk]),
        "show_contacts": contacts,
    }
    return case_page(
        request,
        "admin/casework/record_viewer.html",
        context,
        inquiry=inquiry,
        detail=detail,
    )


def coordinator_viewer(model_admin, request, inquiry_id, file_id):
    record = _coordinator_record(request, inquiry_id, file_id)
    detail = _("Record viewer, file %(file)d") % {"file": record.pk}
    return _viewer(
        model_admin,
        request,
        record=record,
        reader="coordinator",
        owner_pk=record.inquiry_id,
        detail=detail,
    )


def coordinator_content(request, inquiry_id, file_id):
    record = _coordinator_record(request, inquiry_id, file_id)
    return file_response(request, record, inline=True)


def clinician_viewer(model_admin, request, sent, record):
    """``sent`` is a request this clinician may assess (checked by the caller)."""
    detail = _("As clinician, request %(request)d; record viewer, file %(file)d") % {
        "request": sent.pk,
        "file": record.pk,
    }
    return _viewer(
        model_admin,
        request,
        record=record,
        reader="clinician",
        owner_pk=sent.pk,
        detail=detail,
    )
