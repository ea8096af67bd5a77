"""In a real Chromium: the coordinator's, the patient's and the clinician's paths.

Page loads are counted as navigations of the main frame (a POST answered by a
redirect is one navigation: the browser shows one new page).
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from casework.models import Assessment, Message
from inquiries.models import AccessLog, Inquiry, OutboxEmail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LINK = re.compile(r"http://\S+(/my-inquiry/\S+/)")
SHOTS = os.environ.get("CASEWORK_SCREENSHOTS")
ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def count_loads(page):
    loads = []
    page.on(
        "framenavigated",
        lambda frame: loads.append(frame.url) if frame == page.main_frame else None,
    )
    return loads


def overflow(page, selector="document.documentElement"):
    return page.evaluate(f"(e => e.scrollWidth - e.clientWidth)({selector})")


def test_open_newest_assign_and_reply_with_a_template_in_two_page_loads(
    live_server, page, make_inquiry, coordinator, templates, admin_login, axe_violations
):
    make_inquiry()
    newest = make_inquiry()
    admin_login(page, "coordinator@example.org")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/inquiries/inquiry/")
    assert (
        overflow(page) <= 0
        and overflow(page, "document.querySelector('.results')") <= 0
    )
    assert axe_violations(page) == []
    shot(page, "queue-1280")

    loads = count_loads(page)
    clicks = 0
    page.get_by_role("link", name="Newest first").click()
    clicks += 1
    page.locator("#result_list tbody tr").first.get_by_role("link").first.click()
    clicks += 1
    page.wait_for_selector("#cw-panel-form")
    # Loaded, not just parsed: the template picker's deferred script must be
    # listening before a template is chosen (under CI's load it once was not).
    page.wait_for_load_state()
    assert newest.reference in page.locator("h1").inner_text()
    page.get_by_label("Assignee").select_option(label="Me (coordinator@example.org)")
    page.get_by_label("Start from a template").select_option("acknowledgement")
    clicks += 2
    body = page.get_by_label("Message to the patient")
    assert body.input_value().startswith(f"Hello, about {newest.reference}.")
    body.fill(body.input_value() + " We will write again on Friday.")
    page.get_by_role("button", name="Send to the patient").click()
    clicks += 1
    page.wait_for_selector(".messagelist")
    page_loads = len(loads)
    assert page_loads == 3  # newest first, the workspace, the sent reply
    newest.refresh_from_db()
    assert newest.assignee == coordinator and newest.first_responded_at
    message = Message.objects.get(inquiry=newest)
    assert message.body.endswith("again on Friday.")
    assert "again on Friday." in page.locator(".cw-thread").inner_text()
    print(f"\nopen newest, assign, reply: {page_loads} page loads, {clicks} clicks")
    assert axe_violations(page) == []
    shot(page, "workspace-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    assert overflow(page) <= 0
    shot(page, "workspace-360")


def test_a_template_chosen_before_the_script_arrives_still_fills_the_box(
    live_server, page, inquiry, coordinator, templates, admin_login
):
    """On a slow line the coordinator may choose a template before the workspace's
    script has run: once it runs it hides the "Use this template" button, so it
    must fill the box itself."""
    held = []
    page.route("**/casework/workspace.js", lambda route: held.append(route))
    admin_login(page, "coordinator@example.org")
    page.goto(
        f"{live_server.url}/admin/inquiries/inquiry/{inquiry.pk}/change/",
        wait_until="commit",
    )
    page.get_by_label("Start from a template").select_option("records_requested")
    body = page.get_by_label("Message to the patient")
    assert body.input_value() == "" and held, "the script came before the choice"
    held[0].continue_()
    expect(body).to_have_value(re.compile(r"^Please send: "))
    expect(page.locator("#cw-send-sets")).to_contain_text("Records requested")
    expect(page.locator(".cw-insert")).to_be_hidden()


def test_the_patient_sends_a_message_with_a_pdf_in_one_composer(
    live_server,
    page,
    inquiry,
    coordinator,
    tmp_path,
    pdf_bytes,
    axe_violations,
    settings,
):
    """Typed message and chosen file leave with one press of "Send"; a wrong
    file is refused with the message kept; axe finds nothing at both widths."""
    from casework.messaging import message_send
    from inquiries.triage import inquiry_assign

    settings.SITE_URL = live_server.url
    inquiry_assign(inquiry=inquiry, assignee=coordinator, actor=coordinator)
    message_send(inquiry=inquiry, author=coordinator, body="Please send your CT.")
    notice = OutboxEmail.objects.get(kind="patient_notice")
    path = LINK.search(notice.body).group(1)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else 0)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + path)
    assert "Please send your CT." in page.content()
    assert page.get_by_role("link", name="Ask about your case").count() == 0
    assert axe_violations(page, impacts=ALL_IMPACTS) == []

    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"<html>not a pdf</html>")
    page.get_by_label("Your message").fill("My CT scan is attached.")
    page.set_input_files("#id_files", str(wrong))
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    assert page.get_by_label("Your message").input_value() == "My CT scan is attached."
    assert "“notes.pdf” is not a PDF" in page.locator("#files-error").inner_text()
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    assert not Message.objects.filter(direction="from_patient").exists()

    pdf = tmp_path / "CT report.pdf"
    pdf.write_bytes(pdf_bytes)
    page.set_input_files("#id_files", str(pdf))
    assert "CT report.pdf" in page.locator("#upload-hints").inner_text()
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".portal__done")
    assert "your message and your files were received" in page.content()
    assert "CT report.pdf" in page.locator(".portal__files").inner_text()
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    shot(page, "portal-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") == 360
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    shot(page, "portal-360")
    # The refused post answers 400 on purpose; Chromium reports that status.
    assert [text for text in problems if "status of 400" not in text] == []

    message = Message.objects.get(inquiry=inquiry, direction="from_patient")
    assert message.body == "My CT scan is attached."
    assert inquiry.files.filter(original_name="CT report.pdf").exists()
    assert AccessLog.objects.filter(action="patient_upload").count() == 1
    assert AccessLog.objects.filter(action="patient_view").count() >= 1
    alerts = OutboxEmail.objects.filter(kind="activity_alert")
    assert alerts.count() == 1 and alerts.get().recipients == [coordinator.email]


def test_the_clinician_assesses_and_the_coordinator_answers_from_it(
    live_server,
    page,
    inquiry,
    coordinator,
    clinician,
    centres,
    templates,
    admin_login,
    axe_violations,
):
    admin_login(
        page,
        "coordinator@example.org",
        f"{live_server.url}/admin/inquiries/inquiry/{inquiry.pk}/change/",
    )
    page.get_by_label("Question for the clinician").fill("Is CIK worth considering?")
    page.get_by_role("button", name="Send for assessment").click()
    page.wait_for_selector(".messagelist")

    page.context.clear_cookies()
    admin_login(
        page,
        "clinician@example.org",
        f"{live_server.url}/admin/casework/assessmentrequest/",
    )
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url("**/change/")
    assert "Is CIK worth considering?" in page.content()
    assert axe_violations(page) == []
    page.get_by_label("Diagnosis as confirmed from the records").fill("HCC, biopsy")
    page.get_by_label("Stage as confirmed").select_option("3")
    page.get_by_label("Treatments so far").fill("Resection")
    page.get_by_label("1: restricted in strenuous activity").check()
    page.get_by_label("What is missing").fill("A recent CT")
    page.get_by_label("CIK may be worth considering").check()
    page.get_by_label("Reasoning").fill("Fit and stable.")
    page.get_by_label("Harbour Cell Centre (Guangzhou)").check()
    shot(page, "clinician-1280")
    page.get_by_role("button", name="Sign and record the assessment").click()
    page.wait_for_selector(".messagelist")
    assessment = Assessment.objects.get()
    assert assessment.signed_name == "Dr Ada Osei, MD, FRCP"

    page.context.clear_cookies()
    admin_login(
        page,
        "coordinator@example.org",
        f"{live_server.url}/admin/inquiries/inquiry/{inquiry.pk}/change/",
    )
    assert "CIK may be worth considering" in page.locator(".cw-thread").inner_text()
    page.get_by_role("link", name="Write to the patient from this assessment").click()
    page.wait_for_url("**answer=*")
    body = page.get_by_label("Message to the patient")
    page.get_by_label("Start from a template").select_option("worth_considering")
    assert "Fit and stable." in body.input_value()
    assert "Harbour Cell Centre" in body.input_value()
    page.get_by_role("button", name="Send to the patient").click()
    page.wait_for_selector(".messagelist")
    message = Message.objects.get()
    assert message.assessment == assessment
    assert Inquiry.objects.get().first_responded_at is not None
