"""The patient's secure link: who it lets in, what they may do, what is logged."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from casework.messaging import message_send
from casework.models import Message, PatientLink
from casework.patient_links import patient_link_issue
from inquiries.models import AccessLog, InquiryFile, OutboxEmail
from inquiries.retention import inquiry_erase
from inquiries.triage import inquiry_assign

from ..inquiries.samples import PATIENT_NAME, stored_files, upload

pytestmark = pytest.mark.django_db


def url(token):
    return f"/my-inquiry/{token}/"


def test_a_valid_link_shows_the_messages_and_logs_the_view(
    client, inquiry, coordinator, link_token
):
    message_send(inquiry=inquiry, author=coordinator, body="We read your records.")
    response = client.get(url(link_token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "We read your records." in html and inquiry.reference in html
    assert PATIENT_NAME not in html and "Is CIK an option?" not in html
    assert response["Cache-Control"].startswith("no-store")
    assert response["Referrer-Policy"] == "same-origin"
    log = AccessLog.objects.get(action=AccessLog.Action.PATIENT_VIEW)
    assert log.inquiry == inquiry and log.user is None


def test_internal_notes_never_reach_the_patient(
    client, inquiry, coordinator, link_token
):
    from inquiries.triage import inquiry_add_note

    inquiry_add_note(inquiry=inquiry, actor=coordinator, text="Seems anxious; call")
    assert "Seems anxious" not in client.get(url(link_token)).content.decode()


@pytest.mark.parametrize("state", ["expired", "revoked", "tampered", "erased"])
def test_a_link_that_does_not_work_leaks_nothing(
    client, inquiry, coordinator, link_token, state
):
    link = PatientLink.objects.latest(
        "pk"
    )  # link_token's (after the acknowledgement's)
    token = link_token
    if state == "expired":
        PatientLink.objects.filter(pk=link.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    elif state == "revoked":
        PatientLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    elif state == "tampered":
        token = signing.dumps(
            {"l": link.pk, "k": "guessed"}, salt="casework.patient-link"
        )
    else:
        inquiry_erase(inquiry=inquiry, actor=coordinator)
    response = client.get(url(token))
    assert response.status_code in (404, 410)
    html = response.content.decode()
    assert "This link does not work" in html
    assert inquiry.reference not in html
    assert not AccessLog.objects.filter(action=AccessLog.Action.PATIENT_VIEW).exists()
    assert client.post(url(token), {"action": "reply", "body": "x"}).status_code in (
        404,
        410,
    )
    assert not Message.objects.filter(direction="from_patient").exists()


def test_a_link_signed_with_another_key_opens_nothing(client, link_token, settings):
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert client.get(url(link_token)).status_code == 404


def test_a_token_opens_only_its_own_inquiry(client, make_inquiry, coordinator):
    first = make_inquiry()
    second = make_inquiry(data={"email": "other@example.com"})
    message_send(inquiry=second, author=coordinator, body="Only for the second")
    __, token = patient_link_issue(inquiry=first, actor=coordinator)
    html = client.get(url(token)).content.decode()
    assert first.reference in html
    assert second.reference not in html and "Only for the second" not in html


def test_a_reply_reaches_the_thread_and_alerts_the_assignee(
    client, inquiry, coordinator, link_token, django_capture_on_commit_callbacks
):
    inquiry_assign(inquiry=inquiry, assignee=coordinator, actor=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(link_token), {"action": "reply", "body": "Here is my news."}
        )
    assert response.status_code == 302
    message = Message.objects.get(direction="from_patient")
    assert message.inquiry == inquiry and message.body == "Here is my news."
    alert = OutboxEmail.objects.get(kind=OutboxEmail.Kind.ACTIVITY_ALERT)
    assert alert.recipients == [coordinator.email]
    assert "Here is my news" not in alert.body and PATIENT_NAME not in alert.body


def test_an_uploaded_pdf_is_checked_stored_privately_and_logged(
    client, inquiry, link_token, pdf_bytes, private_root
):
    before = len(stored_files(private_root))
    response = client.post(
        url(link_token),
        {"action": "upload", "files": [upload("new scan.pdf", pdf_bytes)]},
    )
    assert response.status_code == 302
    added = inquiry.files.order_by("-pk").first()
    assert added.original_name == "new scan.pdf" and added.kind == "pdf"
    assert len(stored_files(private_root)) == before + 1
    log = AccessLog.objects.get(action=AccessLog.Action.PATIENT_UPLOAD)
    assert log.file_id == added.pk and log.inquiry == inquiry


def test_a_file_that_is_not_what_it_claims_is_refused_with_the_first_forms_checks(
    client, inquiry, link_token, private_root
):
    before = InquiryFile.objects.count()
    response = client.post(
        url(link_token),
        {"action": "upload", "files": [upload("report.pdf", b"<script>x</script>")]},
    )
    assert response.status_code == 400
    assert "is not a PDF, JPEG, PNG or DICOM file" in response.content.decode()
    assert InquiryFile.objects.count() == before
    assert not AccessLog.objects.filter(action="patient_upload").exists()


def test_too_many_views_in_an_hour_are_refused(client, link_token, settings):
    settings.CASEWORK_LINK_VIEWS_PER_HOUR = 2
    assert client.get(url(link_token)).status_code == 200
    assert client.get(url(link_token)).status_code == 200
    response = client.get(url(link_token))
    assert response.status_code == 429 and response["Retry-After"] == "3600"


def test_too_many_replies_in_an_hour_are_refused(client, link_token, settings):
    settings.CASEWORK_LINK_REPLIES_PER_HOUR = 1
    assert (
        client.post(url(link_token), {"action": "reply", "body": "1"}).status_code
        == 302
    )
    response = client.post(url(link_token), {"action": "reply", "body": "2"})
    assert response.status_code == 429
    assert Message.objects.filter(direction="from_patient").count() == 1


def test_revoking_stops_every_link_of_the_inquiry_at_once(
    client, inquiry, coordinator, link_token
):
    from casework.patient_links import patient_links_revoke

    __, second = patient_link_issue(inquiry=inquiry, actor=coordinator)
    # The acknowledgement's link, link_token's and the second.
    assert patient_links_revoke(inquiry=inquiry, actor=coordinator) == 3
    assert client.get(url(link_token)).status_code == 410
    assert client.get(url(second)).status_code == 410


def test_erasure_removes_the_conversation(inquiry, coordinator):
    message_send(inquiry=inquiry, author=coordinator, body="Medical words")
    inquiry_erase(inquiry=inquiry, actor=coordinator)
    assert not Message.objects.exists()
    assert not PatientLink.objects.filter(revoked_at=None).exists()


def test_the_paused_page_shows_no_messages_only_how_to_reach_us(
    client, inquiry, coordinator, link_token, settings
):
    """Too many views: the page explains the pause and gives the contact address;
    it shows neither the thread nor the forms, and logs no view."""
    message_send(inquiry=inquiry, author=coordinator, body="Your scan looks clear.")
    settings.CASEWORK_LINK_VIEWS_PER_HOUR = 1
    client.get(url(link_token))
    response = client.get(url(link_token))
    assert response.status_code == 429
    html = response.content.decode()
    assert "paused" in html and settings.CONTACT_EMAIL in html
    assert "Your scan looks clear." not in html
    assert inquiry.reference not in html and 'name="body"' not in html
    assert AccessLog.objects.filter(action=AccessLog.Action.PATIENT_VIEW).count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"action": "reply", "body": ""},
        {"action": "dance"},
        {"action": "upload"},
    ],
    ids=["empty reply", "unknown action", "upload without files"],
)
def test_a_refused_post_that_shows_the_thread_logs_the_view(
    client, inquiry, coordinator, link_token, data
):
    """Whatever answers with the messages writes the access-log row a GET does."""
    message_send(inquiry=inquiry, author=coordinator, body="Your scan looks clear.")
    response = client.post(url(link_token), data)
    assert response.status_code == 400
    assert "Your scan looks clear." in response.content.decode()
    log = AccessLog.objects.get(action=AccessLog.Action.PATIENT_VIEW)
    assert log.inquiry == inquiry and log.user is None


def test_a_reply_refused_for_its_rate_logs_the_view(client, link_token, settings):
    settings.CASEWORK_LINK_REPLIES_PER_HOUR = 0
    response = client.post(url(link_token), {"action": "reply", "body": "Hello"})
    assert response.status_code == 429
    assert AccessLog.objects.filter(action=AccessLog.Action.PATIENT_VIEW).count() == 1
