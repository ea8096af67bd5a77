"""The coordinators' queue and inquiry page."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from inquiries.models import Inquiry

from .samples import PATIENT_NAME

QUEUE = "/admin/inquiries/inquiry/"


@pytest.fixture
def queue(client, coordinator):
    client.force_login(coordinator)
    return client


def references(response):
    return {inquiry.reference for inquiry in response.context["cl"].result_list}


def test_the_queue_highlights_overdue_and_the_page_shows_the_guide_of_origin(
    queue, make_inquiry, guide
):
    inquiry = make_inquiry(source_guide=guide)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        first_response_due=timezone.now() - timedelta(hours=1)
    )
    html = queue.get(QUEUE).content.decode()
    assert inquiry.reference in html
    assert "Liver cancer" in html and "United Kingdom" in html
    assert 'class="inquiry-overdue"' in html
    assert PATIENT_NAME not in html
    # The queue fits 1280 px without the guide column: it is on the inquiry page.
    page = queue.get(f"{QUEUE}{inquiry.pk}/change/").content.decode()
    assert "What is CIK therapy?" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("assignee=mine", {"mine"}),
        ("assignee=none", {"other", "overdue"}),
        ("overdue=yes", {"overdue"}),
        ("overdue=no", {"mine", "other"}),
        ("country=FR", {"other"}),
        ("status__exact=new", {"mine", "other", "overdue"}),
        ("q=zebulon", {"mine", "other", "overdue"}),
        ("q=elsewhere%40example.com", {"other"}),
    ],
)
def test_the_queue_filters_and_search(
    queue, make_inquiry, coordinator, query, expected
):
    made = {
        "mine": make_inquiry(),
        "other": make_inquiry(data={"country": "FR", "email": "elsewhere@example.com"}),
        "overdue": make_inquiry(),
    }
    made["mine"].assignee = coordinator
    made["mine"].save()
    Inquiry.objects.filter(pk=made["overdue"].pk).update(
        first_response_due=timezone.now() - timedelta(minutes=5)
    )
    response = queue.get(f"{QUEUE}?{query}")
    assert references(response) == {made[name].reference for name in expected}


def test_search_by_reference(queue, make_inquiry):
    wanted = make_inquiry()
    make_inquiry()
    response = queue.get(f"{QUEUE}?q={wanted.reference}")
    assert references(response) == {wanted.reference}


def test_bulk_actions_assign_prioritise_and_mark_spam(queue, make_inquiry, coordinator):
    first, second = make_inquiry(), make_inquiry()
    ids = [first.pk, second.pk]
    for action in ["assign_to_me", "set_priority_urgent", "mark_as_spam"]:
        response = queue.post(QUEUE, {"action": action, "_selected_action": ids})
        assert response.status_code == 302
    for inquiry in Inquiry.objects.all():
        assert inquiry.assignee == coordinator
        assert inquiry.priority == Inquiry.Priority.URGENT
        assert (inquiry.status, inquiry.outcome) == ("closed", "spam")
    # Marking a closed inquiry as spam again is an illegal move, reported.
    response = queue.post(
        QUEUE, {"action": "mark_as_spam", "_selected_action": ids}, follow=True
    )
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("cannot move from" in text for text in texts)


def test_the_inquiry_page_shows_everything_and_lets_a_coordinator_work(
    queue, make_inquiry, checked, coordinator
):
    inquiry = make_inquiry(checked_uploads=checked)
    earlier = make_inquiry(data={"email": "PATIENT@example.com", "phone": ""})
    page = f"{QUEUE}{inquiry.pk}/change/"
    html = queue.get(page).content.decode()
    for text in (
        PATIENT_NAME,
        "Stable after surgery.",
        "Is CIK an option?",
        "Surgery",
        "03/2024",
        "report.pdf",
        "scan.png",
        "Submitted with 2 files",
        earlier.reference,
        'name="to_status"',  # the panel: status, assignee, priority, note
    ):
        assert text in html, text
    assert 'name="_save"' not in html  # submitted data is not editable

    workspace = f"{QUEUE}{inquiry.pk}/change/"
    queue.post(
        workspace,
        {"action": "save", "to_status": "triaged", "assignee": str(coordinator.pk),
         "priority": "3", "note": "Asked for the MRI."},
    )  # fmt: skip
    response = queue.post(
        workspace,
        {"action": "save", "to_status": "closed", "assignee": str(coordinator.pk),
         "priority": "3"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Choose an outcome" in response.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.status == "triaged" and inquiry.assignee == coordinator
    assert inquiry.first_responded_at is not None
    html = queue.get(page).content.decode()
    assert "New → Triaged" in html and "Asked for the MRI." in html
    assert "Assigned to coordinator" in html


def test_an_illegal_move_is_refused_with_a_message(queue, make_inquiry):
    inquiry = make_inquiry()
    response = queue.post(
        f"{QUEUE}{inquiry.pk}/change/",
        {"action": "save", "to_status": "travel_admission", "priority": "3"},
    )
    assert response.status_code == 400
    assert Inquiry.objects.get().status == "new"


@pytest.mark.parametrize("action", ["transition", "assign", "priority", "note"])
def test_the_old_single_inquiry_endpoints_are_gone(queue, make_inquiry, action):
    """The workspace's one form replaced them; a forgotten URL is no way in."""
    inquiry = make_inquiry()
    response = queue.post(f"{QUEUE}{inquiry.pk}/{action}/", {"to_status": "triaged"})
    assert response.status_code in (302, 404)  # the admin's "not found" redirect
    assert Inquiry.objects.get().status == "new"


def test_the_workspace_needs_the_change_permission(
    client, medical_reviewer, make_inquiry
):
    inquiry = make_inquiry()
    client.force_login(medical_reviewer)
    response = client.post(
        f"{QUEUE}{inquiry.pk}/change/", {"action": "save", "to_status": "triaged"}
    )
    assert response.status_code == 403
    assert Inquiry.objects.get().status == "new"


def test_nobody_adds_or_deletes_inquiries_in_the_admin(queue, superuser, make_inquiry):
    inquiry = make_inquiry()
    assert queue.get(f"{QUEUE}add/").status_code == 403
    queue.force_login(superuser)
    assert queue.post(f"{QUEUE}{inquiry.pk}/delete/").status_code == 403
    assert Inquiry.objects.exists()
