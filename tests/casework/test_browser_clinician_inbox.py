"""In Chromium: the clinician's inbox, from the e-mail to the signed assessment.

The e-mail says only that a case waits, with its link; the admin home shows what
waits and for how long; the list reads as the clinician's questions; the form
starts from what the patient told us and offers no blank choice on its radios.
Page loads are navigations of the main frame (a POST answered by a redirect is
one: the browser shows one new page).
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casework.assessments import assessment_request_create
from casework.models import Assessment
from inquiries.models import OutboxEmail
from tests.browser.pages import check_page, count_loads

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Is CIK worth considering after surgery and TACE?"


@pytest.fixture
def sent(make_inquiry, clinician, coordinator):
    inquiry = make_inquiry(
        data={"treatments": ["surgery", "tace"], "treatments_other": "Sorafenib"}
    )
    return assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator, question=QUESTION
    )


def test_the_clinician_is_emailed_without_health_data(sent, live_server):
    notice = OutboxEmail.objects.get(kind=OutboxEmail.Kind.CLINICIAN_REQUEST)
    assert notice.recipients == ["clinician@example.org"]
    (email,) = [m for m in mail.outbox if m.to == ["clinician@example.org"]]
    link = f"/admin/casework/assessmentrequest/{sent.pk}/change/"
    assert link in email.body and sent.inquiry.reference in email.subject
    for private in (QUESTION, "Surgery", sent.inquiry.cancer_type_label, "Sorafenib"):
        assert private not in email.body and private not in email.subject


def test_from_the_home_panel_to_a_signed_assessment_in_two_page_loads(
    live_server, page, sent, clinician, admin_login, axe_violations
):
    reference = sent.inquiry.reference
    admin_login(page, "clinician@example.org")
    panel = page.locator(".home-panel", has_text="Waiting for you")
    assert "1 case waiting for your assessment" in panel.inner_text()
    assert re.search(rf"{reference}, waiting \d+", panel.inner_text())
    check_page(page, axe_violations)

    loads = count_loads(page)
    panel.get_by_role("link", name=re.compile(reference)).click()
    form = page.locator("form.cw-assess")
    assert form.get_attribute("data-unsaved-warning") is not None
    # What the patient told us, where the assessment asks it again.
    treatments = page.locator("#id_treatments_so_far").input_value()
    assert treatments == "Surgery, TACE (chemoembolisation), Sorafenib"
    assert page.locator("#id_stage_confirmed").input_value() == "3"
    assert page.locator("#id_diagnosis_confirmed").input_value() == (
        sent.inquiry.cancer_type_label
    )
    # Required radios offer only real answers.
    for name in ("ecog", "conclusion"):
        labels = form.locator(f"input[name={name}]").evaluate_all(
            "inputs => inputs.map(i => i.labels[0].innerText.trim())"
        )
        assert labels and all(label and "---" not in label for label in labels)
    check_page(page, axe_violations)

    page.get_by_label("1: restricted in strenuous activity").check()
    page.get_by_label("CIK may be worth considering").check()
    page.locator("#id_reasoning").fill("Good performance status; records complete.")
    page.get_by_role("button", name="Sign and record the assessment").click()
    expect(page.get_by_text("Assessment signed and recorded.")).to_be_visible()
    assessment = Assessment.objects.get()
    assert assessment.treatments_so_far == treatments
    assert len(loads) == 2, loads  # the case page, the signed assessment

    page.goto(f"{live_server.url}/admin/casework/assessmentrequest/")
    row = page.locator("#result_list tbody tr").first
    text = row.inner_text()
    assert reference in text and QUESTION in text and "ago" in text
    assert "Answered" in text
    assert "Assessment request" not in page.locator("#result_list").inner_text()
    check_page(page, axe_violations)
    page.goto(f"{live_server.url}/admin/")
    assert (
        "0 cases waiting for your assessment"
        in page.locator(".home-panel", has_text="Waiting for you").inner_text()
    )
