"""The inquiry page costs the same few queries however long the case grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casework.assessments import assessment_record, assessment_request_create
from casework.messaging import message_send
from casework.patient_links import patient_link_issue, patient_links_revoke
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.triage import inquiry_add_note

from ..inquiries.samples import upload
from .test_assessments import VALUES

pytestmark = pytest.mark.django_db


def case(make_inquiry, *, size, coordinator, clinician, centres, pdf_bytes):
    """An inquiry with ``size`` of everything the page lists: files, messages,
    notes, requests, assessments (each superseding the last), revoked links."""
    files = (upload(f"r{number}.pdf", pdf_bytes) for number in range(size))
    inquiry = make_inquiry(
        checked_uploads=[CheckedUpload(file=f, info=inspect_upload(f)) for f in files]
    )
    for number in range(size):
        message_send(inquiry=inquiry, author=coordinator, body=f"Message {number}")
        inquiry_add_note(inquiry=inquiry, actor=coordinator, text=f"Note {number}")
        request = assessment_request_create(
            inquiry=inquiry, clinician=clinician, actor=coordinator, question="?"
        )
        assessment_record(
            request=request, clinician=clinician, values=VALUES, centres=centres
        )
        patient_link_issue(inquiry=inquiry, actor=coordinator)
        patient_links_revoke(inquiry=inquiry, actor=coordinator)
    return inquiry


def page_queries(client, inquiry):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/inquiries/inquiry/{inquiry.pk}/change/")
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def test_the_inquiry_page_costs_the_same_with_one_or_ten_of_everything(
    client,
    make_inquiry,
    coordinator,
    clinician,
    centres,
    templates,
    pdf_bytes,
    django_capture_on_commit_callbacks,
):
    """At most 12 queries, the same number with 1 or 10 files, messages, notes,
    assessments and links, and everything still shown."""
    people = {"coordinator": coordinator, "clinician": clinician, "centres": centres}
    with django_capture_on_commit_callbacks(execute=True):
        small = case(make_inquiry, size=1, pdf_bytes=pdf_bytes, **people)
        large = case(make_inquiry, size=10, pdf_bytes=pdf_bytes, **people)
    client.force_login(coordinator)
    page_queries(client, small)  # fills the process-wide content-type cache
    _, few = page_queries(client, small)
    html, many = page_queries(client, large)
    assert len(few) == len(many) <= 12, "\n".join(sql[:150] for sql in many)
    for number in range(10):
        assert f"Message {number}" in html and f"Note {number}" in html
        assert f"r{number}.pdf" in html
    assert html.count("Harbour Cell Centre") == 10  # every assessment's centres
    assert html.count("superseded by a later assessment") == 9
