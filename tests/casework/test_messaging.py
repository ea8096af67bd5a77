"""Writing to the patient: templates, the outbox notice, the first-response clock."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_tasks_db.models import DBTaskResult

from casework.messaging import message_send, template_fill, templates_for
from casework.patient_links import patient_link_resolve
from inquiries.models import OutboxEmail
from inquiries.tasks import outbox_send_due
from tests.content_factories import ContactPageFactory
from tests.factories import approve
from tests.inquiries.test_outbox import due_now

from ..inquiries.samples import PATIENT_NAME

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://\S+/my-inquiry/(\S+)/")


def test_a_message_is_announced_by_an_outbox_email_without_health_data(
    inquiry, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            inquiry=inquiry, author=coordinator, body="Your CT shows a 3 cm lesion."
        )
    notice = OutboxEmail.objects.get(kind=OutboxEmail.Kind.PATIENT_NOTICE)
    assert message.notice == notice and notice.sent_at is not None
    sent = [m for m in mail.outbox if m.to == [inquiry.email]][-1]
    assert inquiry.reference in sent.subject
    for secret in (PATIENT_NAME, "3 cm lesion", "Liver cancer", "CIK"):
        assert secret not in sent.body and secret not in sent.subject
    token = LINK.search(sent.body).group(1)
    assert patient_link_resolve(token).link.inquiry == inquiry


def test_the_notice_gives_the_approved_contact_details(inquiry, coordinator):
    """A second way to reach us, quoting the reference, from the approved page."""
    approve(ContactPageFactory())
    message = message_send(inquiry=inquiry, author=coordinator, body="Hello.")
    body = message.notice.body
    assert f"To reach us another way, quote your reference {inquiry.reference}:" in (
        body
    )
    assert "Phone: +44 20 7946 0123 (Monday to Friday, 9:00 to 17:00)" in body
    assert "E-mail: help@example.org" in body


def test_without_an_approved_contact_page_the_notice_gives_no_phone(
    inquiry, coordinator
):
    ContactPageFactory()  # not approved
    message = message_send(inquiry=inquiry, author=coordinator, body="Hello.")
    assert "7946 0123" not in message.notice.body
    assert "Phone:" not in message.notice.body


def test_the_first_message_stops_the_first_response_clock_once(inquiry, coordinator):
    assert inquiry.first_responded_at is None
    message_send(inquiry=inquiry, author=coordinator, body="First.")
    inquiry.refresh_from_db()
    first = inquiry.first_responded_at
    assert first is not None and not inquiry.is_overdue
    message_send(inquiry=inquiry, author=coordinator, body="Second.")
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at == first


def test_only_coordinators_write_to_patients(inquiry, clinician, medical_editor):
    for person in (clinician, medical_editor):
        with pytest.raises(ValidationError):
            message_send(inquiry=inquiry, author=person, body="Hello")
    assert not inquiry.messages.exists()


def test_an_empty_message_is_refused_and_nothing_is_queued(inquiry, coordinator):
    with pytest.raises(ValidationError):
        message_send(inquiry=inquiry, author=coordinator, body="   ")
    assert not OutboxEmail.objects.filter(kind="patient_notice").exists()


def test_templates_come_in_the_patients_language_where_one_exists(
    make_inquiry, templates
):
    french = make_inquiry(data={"preferred_language": "fr"})
    chosen = {t.purpose: t.language for t in templates_for(french)}
    assert chosen["acknowledgement"] == "fr"
    assert chosen["not_suitable"] == "en"
    assert len(chosen) == 5


def test_placeholders_are_filled_and_nothing_else_is_evaluated(inquiry, coordinator):
    coordinator.display_name = "Sam Lee"
    text = template_fill(
        body="{reference} / {coordinator} / {reference.__class__} / {unknown}",
        inquiry=inquiry,
        coordinator=coordinator,
    )
    assert text == (
        f"{inquiry.reference} / Sam Lee / {{reference.__class__}} / {{unknown}}"
    )


def test_a_message_is_only_queued_in_the_request_and_a_worker_sends_its_notice(
    inquiry, coordinator, run_worker, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_send(inquiry=inquiry, author=coordinator, body="Please send the MRI.")
    assert [m for m in mail.outbox if m.to == [inquiry.email]] == []
    assert "inquiries.tasks.outbox_send" in set(
        DBTaskResult.objects.values_list("task_path", flat=True)
    )
    run_worker()
    sent = [m for m in mail.outbox if m.to == [inquiry.email]]
    assert len(sent) == 1 and inquiry.reference in sent[0].subject


def test_a_mail_server_failure_keeps_the_message_and_a_retry_sends_the_notice(
    inquiry, coordinator, failing_mail, settings, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            inquiry=inquiry, author=coordinator, body="Please send the MRI."
        )
    message.refresh_from_db()  # the message stands, in the thread
    notice = message.notice
    notice.refresh_from_db()
    assert notice.sent_at is None and notice.attempts == 1
    assert "ConnectionRefusedError" in notice.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    due_now()
    outbox_send_due.call()
    notice.refresh_from_db()
    assert notice.sent_at is not None
    assert [m for m in mail.outbox if LINK.search(m.body)] != []
