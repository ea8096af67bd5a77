"""A closed inquiry's secure link still shows the messages, and takes nothing more:
no reply, no medical record. What the patient typed is shown back, never lost."""

import pytest

from casework.messaging import message_send
from casework.models import Message
from inquiries.models import AccessLog, InquiryFile
from inquiries.triage import inquiry_transition
from inquiries.workflow import Outcome, Status

from ..inquiries.samples import stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_link(inquiry, coordinator, link_token):
    message_send(inquiry=inquiry, author=coordinator, body="Our answer to you.")
    inquiry_transition(
        inquiry=inquiry,
        to_status=Status.CLOSED,
        actor=coordinator,
        outcome=Outcome.NOT_SUITABLE,
    )
    return f"/my-inquiry/{link_token}/"


def test_the_closed_inquirys_link_shows_the_messages_without_the_forms(
    client, closed_link
):
    html = client.get(closed_link).content.decode()
    assert "Our answer to you." in html
    assert "This inquiry is closed" in html and 'href="/inquire/"' in html
    assert 'value="reply"' not in html and 'value="upload"' not in html


def test_a_reply_to_a_closed_inquiry_is_refused_and_shown_back(client, closed_link):
    response = client.post(
        closed_link, {"action": "reply", "body": "One more question, please."}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "closed, so it takes no more replies or files" in html
    assert "One more question, please.</textarea>" in html
    assert not Message.objects.filter(direction=Message.Direction.FROM_PATIENT).exists()


def test_a_file_sent_to_a_closed_inquiry_is_refused_and_not_stored(
    client, closed_link, pdf_bytes, private_root
):
    files_before = InquiryFile.objects.count()
    stored_before = len(stored_files(private_root))
    response = client.post(
        closed_link, {"action": "upload", "files": [upload("late.pdf", pdf_bytes)]}
    )
    assert response.status_code == 409
    assert "closed, so it takes no more replies or files" in response.content.decode()
    assert InquiryFile.objects.count() == files_before
    assert len(stored_files(private_root)) == stored_before
    assert not AccessLog.objects.filter(action=AccessLog.Action.PATIENT_UPLOAD).exists()


def test_a_reopened_inquiry_takes_replies_again(
    client, closed_link, inquiry, coordinator
):
    inquiry.refresh_from_db()
    inquiry_transition(inquiry=inquiry, to_status=Status.TRIAGED, actor=coordinator)
    response = client.post(closed_link, {"action": "reply", "body": "Thank you."})
    assert response.status_code == 302
