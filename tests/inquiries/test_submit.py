"""Submitting an inquiry: one transaction, kept files, no duplicates, no abuse."""

import re

import pytest
from django.core import mail
from django.test import Client

from inquiries import services
from inquiries.models import HeldSubmission, Inquiry, InquiryFile, OutboxEmail
from inquiries.views import new_form_token

from .samples import PATIENT_NAME, stored_files, upload

REFERENCE = re.compile(r"CFX-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")


def token_of(response):
    return re.search(rb'name="form_token" value="([^"]+)"', response.content)[
        1
    ].decode()


def post(client, data, files=(), token=None, **extra):
    token = token or new_form_token()[1]
    payload = {**data, "form_token": token}
    if files:
        payload["medical_records"] = list(files)
    return client.post("/inquire/", payload, **extra)


@pytest.fixture
def two_files(pdf_bytes, jpeg_bytes):
    return [
        upload("Pathology report.pdf", pdf_bytes, "application/pdf"),
        upload("CT scan.jpg", jpeg_bytes, "image/jpeg"),
    ]


def test_the_form_page_names_the_guide_it_came_from(client, guide):
    response = client.get(f"/inquire/?guide={guide.slug}")
    assert response.status_code == 200
    assert b"CIK therapy" in response.content
    assert b"What is CIK therapy?" in response.content
    assert f'name="guide" value="{guide.slug}"'.encode() in response.content


def test_the_guide_preselects_its_only_cancer_type(client, guide, indication):
    response = client.get(f"/inquire/?guide={guide.slug}")
    assert f'<option value="{indication.pk}" selected>'.encode() in response.content


def test_the_form_page_has_no_inline_script_or_style(client, guide):
    html = client.get(f"/inquire/?guide={guide.slug}").content.decode()
    assert " style=" not in html and "<style" not in html
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert 'enctype="multipart/form-data"' in html


def test_an_unknown_or_draft_guide_is_ignored(client, guide):
    guide.status = "draft"
    guide.save()
    response = client.get(f"/inquire/?guide={guide.slug}")
    assert response.status_code == 200
    assert b"What is CIK therapy?" not in response.content


def test_a_valid_inquiry_with_two_files_is_stored_and_gets_a_reference(
    client,
    form_data,
    two_files,
    guide,
    private_root,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, {**form_data, "guide": guide.slug}, two_files)
    assert response.status_code == 302
    assert response["Location"] == "/inquire/thanks/"
    inquiry = Inquiry.objects.get()
    assert REFERENCE.fullmatch(inquiry.reference)
    assert inquiry.source_guide == guide
    assert inquiry.source_guide_title == "What is CIK therapy?"
    assert inquiry.source_therapy == "CIK therapy"
    assert inquiry.consent_version and inquiry.consent_given_at
    assert not inquiry.marketing_consent
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.first_response_due > inquiry.received_at
    kinds = sorted(inquiry.files.values_list("kind", flat=True))
    assert kinds == ["jpeg", "pdf"]
    assert len(stored_files(private_root)) == 2
    assert not any("Pathology" in str(path) for path in stored_files(private_root))

    thanks = client.get(response["Location"])
    assert inquiry.reference.encode() in thanks.content
    for private in (PATIENT_NAME, "tumour marker", "TACE", "Liver cancer"):
        assert private.encode() not in thanks.content


def test_the_emails_carry_no_health_data(
    client, form_data, two_files, django_capture_on_commit_callbacks, settings
):
    settings.INQUIRY_ALERT_EMAIL = ["team@cancerfax.example"]
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data, two_files)
    inquiry = Inquiry.objects.get()
    acknowledgement, alert = sorted(mail.outbox, key=lambda m: m.to[0])
    assert acknowledgement.to == ["daughter@example.com"]
    assert alert.to == ["team@cancerfax.example"]
    assert inquiry.reference in acknowledgement.body
    assert f"/admin/inquiries/inquiry/{inquiry.pk}/change/" in alert.body
    for message in (acknowledgement, alert):
        text = message.subject + message.body
        for private in (PATIENT_NAME, "Liver cancer", "tumour", "TACE", "CIK"):
            assert private not in text
        # As a word: a random reference such as CFX-GBJ6-X6R8 may contain "GB".
        assert not re.search(r"\bGB\b|United Kingdom", text)
    assert OutboxEmail.objects.filter(sent_at__isnull=False).count() == 2


def test_staged_files_and_typed_text_survive_a_validation_error(
    client, form_data, pdf_bytes, png_bytes, private_root
):
    """A refused file loses nothing else: the good file is kept on the server and
    the text stays in the form, so nothing is typed or uploaded again."""
    bad = upload("virus.pdf", b"<html><script>x</script></html>", "application/pdf")
    good = upload("report.pdf", pdf_bytes, "application/pdf")
    first = post(client, {**form_data, "email": "broken"}, [good, bad])
    assert first.status_code == 200
    html = first.content.decode()
    assert "“virus.pdf” is not a PDF, JPEG, PNG or DICOM file" in html
    assert "Enter an e-mail address like" in html
    assert 'href="#id_email"' in html and 'href="#id_medical_records"' in html
    assert PATIENT_NAME in html  # what was typed stays
    assert "Could CIK cells help after TACE?" in html
    staged = InquiryFile.objects.get()
    assert staged.inquiry is None and staged.original_name == "report.pdf"
    assert "report.pdf" in html and "Already attached" in html
    assert len(stored_files(private_root)) == 1

    token = token_of(first)
    second = post(client, form_data, [upload("scan.png", png_bytes)], token=token)
    assert second.status_code == 302
    inquiry = Inquiry.objects.get()
    assert sorted(inquiry.files.values_list("original_name", flat=True)) == [
        "report.pdf",
        "scan.png",
    ]
    assert len(stored_files(private_root)) == 2


def test_a_staged_file_can_be_removed_before_sending(
    client, form_data, pdf_bytes, private_root, django_capture_on_commit_callbacks
):
    first = post(client, {**form_data, "consent": ""}, [upload("a.pdf", pdf_bytes)])
    staged = InquiryFile.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, {**form_data, "remove_files": [staged.pk]}, token=token_of(first)
        )
    assert response.status_code == 302
    assert Inquiry.objects.get().files.count() == 0
    assert stored_files(private_root) == []


def test_staged_files_belong_to_one_browser_session(client, form_data, pdf_bytes):
    first = post(client, {**form_data, "consent": ""}, [upload("a.pdf", pdf_bytes)])
    stranger = Client()
    response = post(stranger, form_data, token=token_of(first))
    assert response.status_code == 302
    assert Inquiry.objects.get().files.count() == 0
    assert InquiryFile.objects.filter(inquiry__isnull=True).count() == 1


def test_too_many_files_refuses_only_the_extra_ones(
    client, form_data, pdf_bytes, settings
):
    settings.INQUIRY_MAX_FILES = 2
    files = [upload(f"r{n}.pdf", pdf_bytes) for n in range(3)]
    response = post(client, form_data, files)
    assert response.status_code == 200
    assert "at most 2 files" in response.content.decode()
    assert InquiryFile.objects.filter(inquiry__isnull=True).count() == 2
    assert not Inquiry.objects.exists()


def test_an_oversize_file_is_skipped_before_it_reaches_the_disk(
    client, form_data, pdf_bytes, settings, private_root
):
    settings.INQUIRY_MAX_FILE_SIZE = 5_000
    big = upload("big scan.pdf", pdf_bytes + b"0" * 6_000)
    response = post(client, form_data, [big])
    assert response.status_code == 200
    assert "“big scan.pdf” is larger than" in response.content.decode()
    assert stored_files(private_root) == []
    assert PATIENT_NAME in response.content.decode()


def test_a_request_over_the_total_limit_keeps_the_text_and_drops_the_files(
    client, form_data, pdf_bytes, settings, private_root
):
    settings.INQUIRY_MAX_TOTAL_SIZE = 10_000
    files = [upload(f"r{n}.pdf", pdf_bytes + b"0" * 600_000) for n in range(2)]
    response = post(client, form_data, files)
    html = response.content.decode()
    assert response.status_code == 200
    assert "none of them was sent" in html
    assert PATIENT_NAME in html
    assert stored_files(private_root) == []


def test_too_many_parts_get_a_friendly_page_not_an_error(
    client, form_data, pdf_bytes, settings
):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = [upload(f"r{n}.pdf", pdf_bytes) for n in range(3)]
    response = post(client, form_data, files)
    assert response.status_code == 413
    assert b"too large or had too many files" in response.content


def test_an_error_after_the_files_are_written_leaves_no_inquiry_and_no_file(
    make_inquiry, checked, monkeypatch, private_root
):
    def fail(inquiry):
        assert len(stored_files(private_root)) == 2  # the files were written
        raise RuntimeError("mail queue exploded")

    monkeypatch.setattr(services, "_queue_submission_emails", fail)
    with pytest.raises(RuntimeError):
        make_inquiry(checked_uploads=checked)
    assert not Inquiry.objects.exists()
    assert not InquiryFile.objects.exists()
    assert not OutboxEmail.objects.exists()
    assert stored_files(private_root) == []


def test_the_view_error_path_also_leaves_nothing(
    client, form_data, two_files, monkeypatch, private_root
):
    def fail(inquiry):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "_queue_submission_emails", fail)
    client.raise_request_exception = False
    response = post(client, form_data, two_files)
    assert response.status_code == 500
    assert not Inquiry.objects.exists() and not InquiryFile.objects.exists()
    assert stored_files(private_root) == []


def test_a_double_submit_creates_one_inquiry(client, form_data, pdf_bytes):
    token = new_form_token()[1]
    first = post(client, form_data, [upload("a.pdf", pdf_bytes)], token=token)
    second = post(client, form_data, [upload("a.pdf", pdf_bytes)], token=token)
    assert first.status_code == second.status_code == 302
    assert Inquiry.objects.count() == 1
    assert InquiryFile.objects.count() == 1
    thanks = client.get("/inquire/thanks/")
    assert Inquiry.objects.get().reference.encode() in thanks.content


def test_a_racing_double_submit_returns_the_winner_and_removes_its_own_files(
    checked, monkeypatch, private_root, submission_data
):
    """Two requests with one form pass the existence check together; the
    database's unique key lets one win, and the loser returns the winner."""
    real_create = services._inquiry_create

    def other_request_commits_first(**kwargs):
        real_create(**{**kwargs, "written": []})
        return real_create(**kwargs)

    monkeypatch.setattr(services, "_inquiry_create", other_request_commits_first)
    result = services.inquiry_submit(
        submission_key="one-form",
        data=submission_data,
        consent_version="2026-11",
        checked_uploads=checked,
    )
    winner = Inquiry.objects.get()
    assert result == winner
    assert winner.files.count() == 2
    assert len(stored_files(private_root)) == 2


def test_the_rate_limit_refuses_kindly_and_keeps_the_text(client, form_data, settings):
    settings.INQUIRY_RATE_LIMIT = 2
    for _ in range(2):
        assert post(client, form_data).status_code == 302
    response = post(client, form_data)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = response.content.decode()
    assert "please try again in an hour" in html
    assert PATIENT_NAME in html
    assert Inquiry.objects.count() == 2
    other = post(Client(REMOTE_ADDR="198.51.100.7"), form_data)
    assert other.status_code == 302


def test_the_rate_limit_reads_the_proxy_header_only_when_configured(
    client, form_data, settings
):
    settings.INQUIRY_RATE_LIMIT = 1
    assert (
        post(client, form_data, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 302
    )
    # Without a configured proxy the header is ignored: same REMOTE_ADDR, limited.
    assert (
        post(client, form_data, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429
    )
    settings.INQUIRY_PROXY_COUNT = 1
    assert (
        post(client, form_data, HTTP_X_FORWARDED_FOR="203.0.113.3").status_code == 302
    )


def test_the_honeypot_holds_the_submission_instead_of_dropping_it(client, form_data):
    """Autofill sometimes fills the trap for a real patient: nothing is lost, but
    no inquiry or e-mail exists until a coordinator releases it."""
    response = post(client, {**form_data, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Inquiry.objects.exists()
    assert HeldSubmission.objects.get().data["patient_name"] == PATIENT_NAME
    assert b"CFX-" not in client.get("/inquire/thanks/").content


def test_a_forged_or_expired_form_token_keeps_everything_and_asks_again(
    client, form_data
):
    response = post(client, form_data, token="forged:token")
    assert response.status_code == 200
    assert "open for a long time" in response.content.decode()
    assert not Inquiry.objects.exists()
    assert token_of(response) != "forged:token"
    assert post(client, form_data, token=token_of(response)).status_code == 302


def test_posting_without_a_csrf_token_is_refused(form_data):
    client = Client(enforce_csrf_checks=True)
    response = post(client, form_data)
    assert response.status_code == 403
    assert not Inquiry.objects.exists()
