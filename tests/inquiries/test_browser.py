"""In a real Chromium: a newcomer asks from a guide, a coordinator triages."""

import re

import pytest
from playwright.sync_api import expect

from inquiries.models import AccessLog, Inquiry

from .samples import PATIENT_NAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(r"CFX-[A-Z0-9]{4}-[A-Z0-9]{4}")


@pytest.fixture
def record_files(tmp_path, pdf_bytes, jpeg_bytes):
    pdf = tmp_path / "Pathology report.pdf"
    jpeg = tmp_path / "CT scan.jpg"
    pdf.write_bytes(pdf_bytes)
    jpeg.write_bytes(jpeg_bytes)
    return [str(pdf), str(jpeg)]


def fill_form(page):
    page.get_by_label("A family member or friend").check()
    page.get_by_label("Patient's full name").fill(PATIENT_NAME)
    page.get_by_label("Country where the patient lives").select_option("GB")
    page.get_by_label("Your e-mail address").fill("daughter@example.com")
    page.get_by_label("Phone number with country code").fill("+44 20 7946 0958")
    page.get_by_label("Year of diagnosis").fill("2024")
    page.get_by_label("Current condition").fill("Walking daily, marker rising.")
    page.locator("#id_consent").check()


def test_a_newcomer_asks_from_a_guide_and_a_coordinator_triages_it(
    live_server, page, guide, coordinator, medical_editor, record_files, admin_login
):
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    assert "CIK therapy" in page.locator(".inquiry__origin").inner_text()
    fill_form(page)
    page.set_input_files("#id_medical_records", record_files)
    assert "2 of at most 20 files" in page.locator("#upload-hints").inner_text()
    page.get_by_role("button", name="Send my inquiry").click()
    page.wait_for_url("**/inquire/thanks/")
    reference = page.locator(".inquiry__reference strong").inner_text()
    assert REFERENCE.fullmatch(reference)
    assert PATIENT_NAME not in page.content()

    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.files.count() == 2 and inquiry.source_guide == guide

    admin_login(
        page, "coordinator@example.org", f"{live_server.url}/admin/inquiries/inquiry/"
    )
    row = page.locator("#result_list tbody tr", has_text=reference)
    row.get_by_role("link", name=reference).click()
    assert "What is CIK therapy?" in page.locator(".cw-case").inner_text()
    # The workspace panel: assignee and status in one submit.
    page.get_by_label("Assignee").select_option(label="Me (coordinator@example.org)")
    page.get_by_label("Status").select_option("triaged")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_label("Status").select_option("medical_review")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Triaged → Medical review" in page.locator(".inquiry-timeline").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download file 1").click()
    assert download.value.suggested_filename == f"{reference}-1.pdf"
    inquiry.refresh_from_db()
    assert inquiry.status == "medical_review" and inquiry.assignee == coordinator
    assert AccessLog.objects.filter(action="download_file").count() == 1

    page.context.clear_cookies()
    admin_login(page, "editor@example.org")
    response = page.goto(f"{live_server.url}/admin/inquiries/inquiry/")
    assert response.status == 403
    assert reference not in page.content()


def test_without_javascript_a_refused_file_keeps_the_rest(
    live_server, browser, guide, record_files, tmp_path
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    fake = tmp_path / "notes.pdf"
    fake.write_text("<html>not a pdf</html>")
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    fill_form(page)
    page.set_input_files("#id_medical_records", [record_files[0], str(fake)])
    page.get_by_role("button", name="Send my inquiry").click()
    summary = page.locator("#error-summary")
    assert "“notes.pdf” is not a PDF" in summary.inner_text()
    assert page.get_by_label("Patient's full name").input_value() == PATIENT_NAME
    assert "Pathology report.pdf" in page.locator(".staged-files").inner_text()
    summary.get_by_role("link").first.click()
    page.get_by_role("button", name="Send my inquiry").click()
    page.wait_for_url("**/inquire/thanks/**")
    assert Inquiry.objects.get().files.count() == 1
    context.close()


def test_the_form_has_no_serious_accessibility_violations(
    live_server, page, guide, axe_violations
):
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send my inquiry").click()
    # The form's script moves focus to the summary once it has run.
    expect(page.locator("#error-summary")).to_be_focused()
    assert axe_violations(page) == []


def test_the_form_fits_a_phone_screen(live_server, page, guide):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_typed_text_survives_a_failed_send_and_is_cleared_on_success(
    live_server, page, guide, monkeypatch, settings
):
    """With the database down the sender is told the form was not sent; back on
    the form, the text is there again (never the files or the consent)."""
    from django.db import OperationalError

    from inquiries import intake

    settings.CONTACT_EMAIL = "care@cancerfax.example.org"

    def database_down(**kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(intake, "inquiry_submit", database_down)
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    fill_form(page)
    page.get_by_label("Your questions").fill("Is CIK possible after TACE?")
    page.get_by_role("button", name="Send my inquiry").click()
    page.wait_for_selector("text=it was not sent")
    assert "care@cancerfax.example.org" in page.content()

    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    assert page.get_by_label("Patient's full name").input_value() == PATIENT_NAME
    assert page.get_by_label("Your questions").input_value() == (
        "Is CIK possible after TACE?"
    )
    assert page.get_by_label("A family member or friend").is_checked()
    assert page.get_by_label("Country where the patient lives").input_value() == "GB"
    assert not page.locator("#id_consent").is_checked()

    monkeypatch.undo()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send my inquiry").click()
    page.wait_for_url("**/inquire/thanks/")
    assert page.evaluate("window.sessionStorage.length") == 0
    assert Inquiry.objects.get().questions == "Is CIK possible after TACE?"
    page.goto(f"{live_server.url}/inquire/")
    assert page.get_by_label("Patient's full name").input_value() == ""
