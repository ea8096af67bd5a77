"""The secure link's allowances are inquiries' counter rows, and the files a
patient sends are attached through inquiries' service, all or nothing."""

import pytest

from casework import patient_actions
from casework.models import PatientLink
from casework.patient_actions import LINK_FILES, LimitReached, patient_upload
from casework.patient_links import patient_link_issue
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import AccessLog, InquiryFile, OutboxEmail, RateCounter

from ..inquiries.samples import stored_files, upload

pytestmark = pytest.mark.django_db


def url(token):
    return f"/my-inquiry/{token}/"


def checked_pdf(pdf_bytes, name="scan.pdf"):
    file = upload(name, pdf_bytes)
    return CheckedUpload(file=file, info=inspect_upload(file))


def test_files_beyond_the_links_allowance_are_refused_with_429(
    client, inquiry, link_token, pdf_bytes, private_root, settings
):
    """The allowance counts files, not posts; the refused post stores nothing."""
    settings.CASEWORK_LINK_FILES_PER_HOUR = 2
    files = [upload(f"scan {n}.pdf", pdf_bytes) for n in range(3)]
    before = (InquiryFile.objects.count(), len(stored_files(private_root)))
    response = client.post(url(link_token), {"action": "upload", "files": files})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert (InquiryFile.objects.count(), len(stored_files(private_root))) == before
    assert not AccessLog.objects.filter(action="patient_upload").exists()
    accepted = client.post(
        url(link_token),
        {"action": "upload", "files": [upload(f"a{n}.pdf", pdf_bytes) for n in (1, 2)]},
    )
    assert accepted.status_code == 302
    assert RateCounter.objects.get(scope=LINK_FILES).used == 2


def test_a_failure_after_the_files_are_stored_removes_them_and_gives_the_units_back(
    inquiry, link_token, pdf_bytes, private_root, monkeypatch
):
    """The alert fails inside the attach block: no row, no stored file, no log,
    no e-mail, and the allowance is as before."""
    link = PatientLink.objects.latest("pk")
    before = (InquiryFile.objects.count(), len(stored_files(private_root)))

    def broken_alert(**kwargs):
        raise RuntimeError("mail template missing")

    monkeypatch.setattr(patient_actions, "activity_alert", broken_alert)
    with pytest.raises(RuntimeError):
        patient_upload(link=link, checked_uploads=[checked_pdf(pdf_bytes)])
    assert (InquiryFile.objects.count(), len(stored_files(private_root))) == before
    assert not AccessLog.objects.filter(action="patient_upload").exists()
    assert not OutboxEmail.objects.filter(kind="activity_alert").exists()
    assert not RateCounter.objects.filter(scope=LINK_FILES, used__gt=0).exists()


def test_the_allowance_is_the_inquirys_whichever_link_is_used(
    inquiry, coordinator, link_token, pdf_bytes, settings
):
    """A fresh link for the same inquiry does not reset what was used."""
    settings.CASEWORK_LINK_FILES_PER_HOUR = 1
    first = PatientLink.objects.latest("pk")
    assert first.revoked_at is None
    patient_upload(link=first, checked_uploads=[checked_pdf(pdf_bytes)])
    second, __ = patient_link_issue(inquiry=inquiry, actor=coordinator)
    with pytest.raises(LimitReached):
        patient_upload(link=second, checked_uploads=[checked_pdf(pdf_bytes, "b.pdf")])
