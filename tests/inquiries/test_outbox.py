"""E-mails are stored with the inquiry; a failing server loses nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from inquiries import services
from inquiries.models import Inquiry, InquiryEvent, OutboxEmail
from inquiries.outbox import outbox_retry, outbox_send_pending


def due_now():
    OutboxEmail.objects.update(next_attempt_at=timezone.now())


def test_a_failing_mail_server_loses_nothing_and_a_retry_sends_once(
    make_inquiry, failing_mail, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = make_inquiry()
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()  # the inquiry stands
    emails = OutboxEmail.objects.filter(inquiry=inquiry)
    assert emails.count() == 2
    assert all(e.sent_at is None and e.attempts == 1 for e in emails)
    assert all("ConnectionRefusedError" in e.last_error for e in emails)
    assert all(e.next_attempt_at > timezone.now() for e in emails)
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_outbox", verbosity=0)
    assert mail.outbox == []  # not due yet: the retry waits
    due_now()
    call_command("send_outbox", verbosity=0)
    call_command("send_outbox", verbosity=0)
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinators@example.org",
        "patient@example.com",
    ]
    assert all(e.sent_at and not e.last_error for e in emails.all())


def test_the_command_exits_non_zero_when_sending_fails(make_inquiry, failing_mail):
    make_inquiry()
    with pytest.raises(SystemExit) as exited:
        call_command("send_outbox", verbosity=0)
    assert exited.value.code == 1


def test_a_message_claimed_by_another_sender_is_left_alone(make_inquiry):
    make_inquiry()
    OutboxEmail.objects.update(locked_until=timezone.now() + timedelta(minutes=5))
    assert outbox_send_pending().sent == 0
    assert mail.outbox == []


def test_a_sent_message_is_never_sent_again(make_inquiry):
    make_inquiry()
    assert outbox_send_pending().sent == 2
    assert outbox_send_pending().sent == 0
    outbox_retry(emails=list(OutboxEmail.objects.all()))
    assert len(mail.outbox) == 2


def test_the_sender_gives_up_after_the_last_attempt_and_retry_now_revives(
    make_inquiry, failing_mail, settings, django_capture_on_commit_callbacks
):
    settings.INQUIRY_OUTBOX_MAX_ATTEMPTS = 2
    make_inquiry()
    for _ in range(3):
        due_now()
        outbox_send_pending()
    assert all(e.attempts == 2 for e in OutboxEmail.objects.all())
    assert all(str(e.state) == "gave up" for e in OutboxEmail.objects.all())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        queued = outbox_retry(emails=list(OutboxEmail.objects.all()))
        assert mail.outbox == []  # queued for a worker, not sent in the caller
    assert queued == 2 and len(mail.outbox) == 2


def test_a_rolled_back_inquiry_sends_nothing(
    make_inquiry, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "event_record", _explode_on_email)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValueError):
        make_inquiry()
    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []


def _explode_on_email(**kwargs):
    if kwargs["kind"] == "email":
        raise ValueError("late failure")
    return InquiryEvent.objects.create(**kwargs)


def test_failures_show_in_the_admin(make_inquiry, failing_mail, client, coordinator):
    make_inquiry()
    outbox_send_pending()
    client.force_login(coordinator)
    response = client.get("/admin/inquiries/outboxemail/?state=failed")
    assert response.status_code == 200
    assert b"ConnectionRefusedError" in response.content
    assert b"failed, will retry" in response.content
