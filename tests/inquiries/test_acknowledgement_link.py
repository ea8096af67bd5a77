"""The acknowledgement gives the patient their secure link at once; a mail or a
link failure never loses the inquiry, and the link's key reaches no log."""

import logging
import re

import pytest
from django.core import mail

from casework import patient_links
from casework.models import PatientLink
from inquiries.models import Inquiry, OutboxEmail

from .test_submit import post

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/my-inquiry/(\S+)/")


def test_the_acknowledgement_carries_a_link_that_opens_the_inquiry(
    client, form_data, django_capture_on_commit_callbacks, settings
):
    settings.INQUIRY_ALERT_EMAIL = ["team@cancerfax.example"]
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data)
    inquiry = Inquiry.objects.get()
    acknowledgement, alert = sorted(mail.outbox, key=lambda m: m.to[0])
    found = LINK.search(acknowledgement.body)
    assert found, acknowledgement.body
    assert "works for 30 days" in acknowledgement.body
    # The coordinators' alert never holds the patient's key.
    assert "/my-inquiry/" not in alert.body
    link = PatientLink.objects.get(inquiry=inquiry)
    assert link.created_by is None and link.revoked_at is None
    page = client.get(f"/my-inquiry/{found[1]}/")
    assert page.status_code == 200
    assert inquiry.reference in page.content.decode()


def test_a_failing_mail_server_keeps_the_inquiry_and_leaves_the_key_out_of_logs(
    client, form_data, failing_mail, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data)
    assert response.status_code == 302  # the thank-you page: the inquiry stands
    inquiry = Inquiry.objects.get()
    acknowledgement = OutboxEmail.objects.get(
        inquiry=inquiry, kind=OutboxEmail.Kind.ACKNOWLEDGEMENT
    )
    assert acknowledgement.sent_at is None and acknowledgement.attempts == 1
    assert PatientLink.objects.filter(inquiry=inquiry).exists()
    token = LINK.search(acknowledgement.body)[1]
    assert "Outbox e-mail" in caplog.text  # the failure was logged
    for secret in (token, token.rsplit(":", 1)[-1]):
        assert secret not in caplog.text
        assert secret not in acknowledgement.last_error


def test_a_link_that_cannot_be_issued_still_keeps_the_inquiry(
    client, form_data, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("secret-looking detail")

    monkeypatch.setattr(patient_links, "patient_link_issue", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    (acknowledgement,) = [m for m in mail.outbox if m.to == [inquiry.email]]
    assert inquiry.reference in acknowledgement.body
    assert "/my-inquiry/" not in acknowledgement.body
    assert not PatientLink.objects.exists()
    assert "Acknowledgement part" in caplog.text and "RuntimeError" in caplog.text
    assert "secret-looking detail" not in caplog.text
