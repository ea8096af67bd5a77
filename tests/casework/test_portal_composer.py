"""The secure link's one composer: a message and files go together or not at
all, a refused file keeps the typed message, and the page says what we have."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats

from casework.models import Message
from inquiries.models import AccessLog, InquiryFile, OutboxEmail
from inquiries.triage import inquiry_assign
from inquiries.workflow import Status

from ..inquiries.samples import stored_files, upload

pytestmark = pytest.mark.django_db

TYPED = "My CT scan is attached."


def url(token):
    return f"/my-inquiry/{token}/"


def test_a_message_and_a_file_sent_together_both_arrive_with_one_alert(
    client,
    inquiry,
    coordinator,
    link_token,
    pdf_bytes,
    django_capture_on_commit_callbacks,
):
    inquiry_assign(inquiry=inquiry, assignee=coordinator, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(link_token),
            {"body": TYPED, "files": [upload("CT scan.pdf", pdf_bytes)]},
        )
    assert response.status_code == 302 and response["Location"].endswith("sent=both")
    assert Message.objects.get(direction="from_patient").body == TYPED
    assert inquiry.files.filter(original_name="CT scan.pdf").exists()
    alert = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ACTIVITY_ALERT)
    assert "replied and sent 1 more file" in alert.body
    page = client.get(response["Location"]).content.decode()
    assert "your message and your files were received" in page
    assert "CT scan.pdf" in page


def test_a_wrong_file_keeps_the_typed_message_and_sends_nothing(
    client, inquiry, link_token, private_root
):
    before = (InquiryFile.objects.count(), len(stored_files(private_root)))
    response = client.post(
        url(link_token),
        {"body": TYPED, "files": [upload("scan.pdf", b"<script>x</script>")]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was sent." in html
    assert "“scan.pdf” is not a PDF, JPEG, PNG or DICOM file" in html
    assert f">{TYPED}</textarea>" in html
    assert "choose your files again" in html
    assert not Message.objects.filter(direction="from_patient").exists()
    assert (InquiryFile.objects.count(), len(stored_files(private_root))) == before


def test_a_file_over_the_size_limit_is_named_and_the_message_kept(
    client, link_token, pdf_bytes, settings
):
    settings.INQUIRY_MAX_FILE_SIZE = len(pdf_bytes) - 1
    response = client.post(
        url(link_token), {"body": TYPED, "files": [upload("big scan.pdf", pdf_bytes)]}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“big scan.pdf” is larger than" in html
    assert f">{TYPED}</textarea>" in html
    assert not Message.objects.filter(direction="from_patient").exists()


def test_an_empty_post_says_what_to_do(client, link_token):
    response = client.post(url(link_token), {"body": "  "})
    assert response.status_code == 400
    assert "Write a message or choose a file to send." in response.content.decode()


def test_a_refused_allowance_for_files_sends_neither_the_files_nor_the_message(
    client, link_token, pdf_bytes, settings
):
    settings.CASEWORK_LINK_FILES_PER_HOUR = 0
    response = client.post(
        url(link_token), {"body": TYPED, "files": [upload("a.pdf", pdf_bytes)]}
    )
    assert response.status_code == 429
    assert f">{TYPED}</textarea>" in response.content.decode()
    assert not Message.objects.filter(direction="from_patient").exists()
    assert not AccessLog.objects.filter(action="patient_upload").exists()


def test_the_page_lists_every_file_received_by_name_and_date(
    client, inquiry, link_token
):
    html = client.get(url(link_token)).content.decode()
    for record in inquiry.files.all():
        assert record.original_name in html
        when = formats.date_format(record.uploaded_at, "j F Y")
        assert f"received {when}" in html


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.NEW, "A coordinator will read it"),
        (Status.RECORDS_REQUESTED, "We have asked you for more medical records"),
        (Status.MEDICAL_REVIEW, "A doctor is reviewing your medical records"),
    ],
)
def test_the_page_tells_the_state_of_the_case_in_words(
    client, inquiry, link_token, status, words
):
    type(inquiry).objects.filter(pk=inquiry.pk).update(status=status)
    assert words in client.get(url(link_token)).content.decode()


def test_the_page_offers_no_second_inquiry(client, link_token):
    html = client.get(url(link_token)).content.decode()
    assert "Ask about your case" not in html


def test_the_page_costs_the_same_queries_with_two_or_twelve_files(
    client, inquiry, link_token, pdf_bytes
):
    """The list of files received is one query, however long it grows."""
    counts = []
    for extra in (0, 10):
        if extra:
            files = [upload(f"more {n}.pdf", pdf_bytes) for n in range(extra)]
            assert client.post(url(link_token), {"files": files}).status_code == 302
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url(link_token)).content.decode()
        assert html.count("received ") >= 2 + extra
        counts.append(len(queries))
    # Measured: 11 (link, limits, access log, messages, files and the page's
    # own); the same as before the list of files was added.
    assert counts[0] == counts[1] <= 11, counts


def test_files_with_a_blank_message_send_the_files_alone(client, link_token, pdf_bytes):
    response = client.post(
        url(link_token), {"body": "  \n ", "files": [upload("a.pdf", pdf_bytes)]}
    )
    assert response["Location"].endswith("sent=files")
    assert not Message.objects.filter(direction="from_patient").exists()
