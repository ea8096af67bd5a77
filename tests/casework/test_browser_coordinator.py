"""In Chromium, the coordinator's week: a case worked from the queue without
losing what was chosen, the status moving with each step, the queue row and
tabs telling what happened, at desk width and at 360 px."""

import pytest

from casework.models import AssessmentRequest
from casework.patient_actions import patient_reply
from casework.patient_links import patient_link_issue
from inquiries.workflow import Status

from .test_browser import count_loads, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


def fits(page):
    """No sideways scrolling: the page is exactly as wide as the screen."""
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def check_both_widths(page, url, axe_violations, name):
    found = {}
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        found[width] = axe_violations(page, impacts=EVERY_IMPACT)
        assert fits(page) == [width, width], (name, width)
        shot(page, f"{name}-{width}")
    assert found == {1280: [], 360: []}, name


def tab(page, name):
    return page.locator(".cw-views a", has_text=name).inner_text()


def test_the_coordinator_works_a_case_without_losing_a_choice(
    live_server,
    page,
    make_inquiry,
    coordinator,
    clinician,
    templates,
    admin_login,
    axe_violations,
):
    make_inquiry()
    newest = make_inquiry()
    admin_login(page, "coordinator@example.org")
    queue = f"{live_server.url}/admin/inquiries/inquiry/"
    check_both_widths(page, queue, axe_violations, "queue")
    # At 360 px each inquiry is a card: no table header, no inner scroller.
    assert page.locator("#result_list thead").is_hidden()
    assert page.evaluate(
        "(e => e.scrollWidth <= e.clientWidth)(document.querySelector('.results'))"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(queue)
    assert tab(page, "Needs reply") == "Needs reply 2"
    assert tab(page, "Unassigned") == "Unassigned 2"

    loads = count_loads(page)
    # The default order puts the newest that needs a reply first.
    page.locator("#result_list tbody tr").first.get_by_role("link").first.click()
    page.wait_for_selector("#cw-panel-form[data-unsaved-warning]")
    page.wait_for_load_state()  # the workspace's deferred scripts are listening
    assert newest.reference in page.locator("h1").inner_text()
    page.get_by_label("Assignee").select_option(label="Me (coordinator@example.org)")
    page.get_by_label("Priority").select_option(label="Urgent")
    page.get_by_label("Question for the clinician").fill("Is CIK worth considering?")
    send_for_assessment = page.get_by_role("button", name="Send for assessment")
    assert "(sets “Medical review”)" in send_for_assessment.inner_text()
    send_for_assessment.click()
    page.wait_for_selector(".messagelist")
    page.wait_for_load_state()
    # What the panel held was saved with the request, and shows again.
    assert page.get_by_label("Assignee").input_value() == str(coordinator.pk)
    assert page.get_by_label("Priority").input_value() == "1"
    assert "Medical review" in page.locator(".cw-status").inner_text()
    newest.refresh_from_db()
    assert (newest.assignee, newest.priority) == (coordinator, 1)
    assert AssessmentRequest.objects.get(inquiry=newest).clinician == clinician

    # A records request: the button names the status it sets, and sets it.
    page.get_by_label("Start from a template").select_option("records_requested")
    send = page.get_by_role("button", name="Send to the patient")
    assert "(sets “Records requested”)" in send.inner_text()
    page.get_by_label("Message to the patient").fill("Please send a recent CT.")
    send.click()
    page.wait_for_selector(".messagelist")
    assert "Records requested" in page.locator(".cw-status").inner_text()
    newest.refresh_from_db()
    assert newest.status == Status.RECORDS_REQUESTED
    task_loads = len(loads)
    check_both_widths(page, page.url, axe_violations, "case")
    checking = len(loads) - task_loads

    # The patient answers: the queue row says so, and it needs a reply again.
    link, __ = patient_link_issue(inquiry=newest, actor=coordinator)
    patient_reply(link=link, body="Here is the CT report.")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Back to queue").click()
    page.wait_for_selector("#result_list")
    row = page.locator("#result_list tbody tr", has_text=newest.reference)
    assert "Patient replied" in row.locator(".field-activity_column").inner_text()
    first = page.locator("#result_list tbody tr").first.inner_text().strip()
    assert first.startswith(newest.reference)  # urgent, and needs a reply: first
    assert tab(page, "Mine") == "Mine 1"
    page_loads = len(loads) - checking
    assert page_loads == 4  # the case, the request, the reply, back to the queue
    print(f"\nqueue → request → records request → queue: {page_loads} page loads")


def test_the_coordinators_other_pages_fit_360_px_and_pass_axe(
    live_server,
    page,
    inquiry,
    coordinator,
    centres,
    templates,
    admin_login,
    axe_violations,
):
    """Dashboard, centres, message templates and erasure: as wide as the
    screen, no list hidden in a sideways scroller, axe clean at every impact."""
    admin_login(page, "coordinator@example.org")
    for path in [
        "/admin/inquiries/inquiry/dashboard/",
        "/admin/casework/treatmentcentre/",
        f"/admin/casework/treatmentcentre/{centres[0].pk}/change/",
        "/admin/casework/messagetemplate/",
        f"/admin/inquiries/inquiry/{inquiry.pk}/erase/",
    ]:
        check_both_widths(page, live_server.url + path, axe_violations, path)
        hidden = page.evaluate(
            """[...document.querySelectorAll('.results')]
            .filter(e => e.scrollWidth > e.clientWidth).length"""
        )
        assert hidden == 0, path
