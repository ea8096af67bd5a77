"""The record viewer: who may open it and its bytes, what each opening logs,
and the check result it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casework.assessments import assessment_request_create
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import AccessLog
from tests.conftest import STAFF

from ..inquiries.samples import upload

pytestmark = pytest.mark.django_db
# Measured: session and user, the file with its case, the case's files and the
# access-log row. It must not grow with the number of files.
VIEWER_QUERIES = 6

ROLES = list(STAFF)
# Each URL, and the roles that may open it (all others get 403).
ALLOWED = {
    "coordinator viewer": {"coordinator", "superuser"},
    "coordinator content": {"coordinator", "superuser"},
    "clinician viewer": {"clinician"},
    "clinician content": {"clinician"},
}


@pytest.fixture
def sent(inquiry, coordinator, clinician):
    return assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )


def urls(inquiry, sent, record):
    coordinator = f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/"
    clinician = f"/admin/casework/assessmentrequest/{sent.pk}/files/{record.pk}/"
    return {
        "coordinator viewer": coordinator + "view/",
        "coordinator content": coordinator + "content/",
        "clinician viewer": clinician + "view/",
        "clinician content": clinician + "content/",
    }


@pytest.mark.parametrize("name", ALLOWED)
@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_and_the_clinician_asked_open_the_viewer_and_its_bytes(
    client, request, inquiry, sent, role, name
):
    client.force_login(request.getfixturevalue(role))
    record = inquiry.files.first()
    response = client.get(urls(inquiry, sent, record)[name])
    if role in ALLOWED[name]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert not AccessLog.objects.filter(
            action__in=["view_file", "view_inquiry"]
        ).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, inquiry, sent):
    for url in urls(inquiry, sent, inquiry.files.first()).values():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_bytes_are_served_inline_sandboxed_uncached_and_each_view_logged(
    client, coordinator, inquiry, sent, pdf_bytes
):
    client.force_login(coordinator)
    record = inquiry.files.get(kind="pdf")
    url = urls(inquiry, sent, record)["coordinator content"]
    for __ in range(2):
        response = client.get(url)
        assert b"".join(response.streaming_content) == pdf_bytes
    assert response["Content-Type"] == "application/pdf"
    assert not response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    logs = AccessLog.objects.filter(action=AccessLog.Action.VIEW_FILE)
    assert logs.count() == 2
    assert {(log.user, log.file_id, log.inquiry_id) for log in logs} == {
        (coordinator, record.pk, inquiry.pk)
    }


def test_the_clinicians_views_are_logged_as_theirs(client, clinician, inquiry, sent):
    client.force_login(clinician)
    record = inquiry.files.get(kind="png")
    pages = urls(inquiry, sent, record)
    html = client.get(pages["clinician viewer"]).content.decode()
    assert pages["clinician content"] in html and "<img" in html
    assert inquiry.email not in html  # a clinician sees no contacts
    b"".join(client.get(pages["clinician content"]).streaming_content)
    case = AccessLog.objects.get(action=AccessLog.Action.VIEW_INQUIRY)
    viewed = AccessLog.objects.get(action=AccessLog.Action.VIEW_FILE)
    assert case.user == viewed.user == clinician
    assert f"request {sent.pk}" in viewed.detail


def test_a_closed_case_is_no_longer_open_to_the_clinician(
    client, clinician, inquiry, sent
):
    type(inquiry).objects.filter(pk=inquiry.pk).update(status="closed")
    client.force_login(clinician)
    for name, url in urls(inquiry, sent, inquiry.files.first()).items():
        if name.startswith("clinician"):
            assert client.get(url).status_code == 403


def test_the_viewer_says_checked_nothing_found_or_what_was_found(
    client, coordinator, inquiry, sent
):
    clean, flagged = inquiry.files.order_by("pk")
    clean.checked_at = flagged.checked_at = timezone.now()
    clean.warnings = ""
    flagged.warnings = "JavaScript"
    clean.save()
    flagged.save()
    client.force_login(coordinator)
    page = urls(inquiry, sent, clean)["coordinator viewer"]
    html = client.get(page).content.decode()
    assert "Checked, nothing found" in html
    assert "Flagged: JavaScript" in html  # the other file, in the list beside
    workspace = client.get(f"/admin/inquiries/inquiry/{inquiry.pk}/change/")
    text = workspace.content.decode()
    assert "Checked, nothing found" in text and "Flagged: JavaScript" in text
    assert page in text


def test_the_pdf_viewer_loads_pdfjs_from_our_static_files(
    client, coordinator, inquiry, sent
):
    client.force_login(coordinator)
    record = inquiry.files.get(kind="pdf")
    html = client.get(urls(inquiry, sent, record)["coordinator viewer"]).content
    html = html.decode()
    assert "casework/records_viewer.js" in html
    assert "casework/pdfjs/pdf.min.mjs" in html
    assert "casework/pdfjs/pdf.worker.min.mjs" in html


def test_the_viewer_costs_the_same_few_queries_with_two_or_ten_files(
    client, coordinator, make_inquiry, clinician, pdf_bytes
):
    """The files beside the record are one query, however many there are."""
    counts = []
    for size in (2, 10):
        files = [upload(f"r{n}.pdf", pdf_bytes) for n in range(size)]
        inquiry = make_inquiry(
            checked_uploads=[
                CheckedUpload(file=f, info=inspect_upload(f)) for f in files
            ]
        )
        record = inquiry.files.first()
        client.force_login(coordinator)
        url = f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/view/"
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        assert html.count("/view/") >= size - 1
        counts.append(len(queries))
    assert counts[0] == counts[1] == VIEWER_QUERIES, counts
