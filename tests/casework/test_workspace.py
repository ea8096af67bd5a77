"""The workspace panel, the queue's saved views and sorts, the dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.assessments import assessment_record, assessment_request_create
from casework.messaging import message_send
from casework.selectors import casework_figures
from inquiries.models import AccessLog, Inquiry
from inquiries.triage import inquiry_assign

pytestmark = pytest.mark.django_db


def page(inquiry):
    return f"/admin/inquiries/inquiry/{inquiry.pk}/change/"


def test_one_submit_saves_status_assignee_priority_and_note(
    client, inquiry, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry),
        {
            "action": "save",
            "to_status": "triaged",
            "assignee": str(coordinator.pk),
            "priority": "1",
            "note": "Called the daughter",
        },
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == "triaged" and inquiry.assignee == coordinator
    assert inquiry.priority == 1
    status_event = inquiry.events.get(kind="status")
    assert status_event.note == "Called the daughter"
    assert not inquiry.events.filter(kind="note").exists()


def test_a_refused_part_saves_nothing_and_says_why(client, inquiry, coordinator):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry),
        {
            "action": "save",
            "to_status": "closed",
            "outcome": "",
            "assignee": str(coordinator.pk),
            "priority": "1",
        },
    )
    assert response.status_code == 400
    assert "Choose an outcome to close the inquiry." in response.content.decode()
    inquiry.refresh_from_db()
    assert inquiry.status == "new" and inquiry.assignee is None
    assert inquiry.priority == 3


def test_a_missing_field_is_named_and_the_typed_note_is_kept(
    client, inquiry, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry),
        {"action": "save", "priority": "", "note": "Rang the GP", "assignee": "nobody"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="errornote"' in html and "Nothing was saved." in html
    assert "This field is required." in html and "Rang the GP" in html
    assert not inquiry.events.filter(kind="note").exists()


def test_an_unknown_action_is_an_ordinary_save(client, inquiry, coordinator):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry), {"action": "launch", "priority": "1", "assignee": "nobody"}
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.priority == 1


def test_assigning_and_replying_is_one_submit(
    client, inquiry, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(inquiry),
            {
                "action": "send",
                "assignee": str(coordinator.pk),
                "priority": "3",
                "template": "acknowledgement",
                "body": "Hello, we have your records.",
            },
        )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.assignee == coordinator and inquiry.first_responded_at
    assert inquiry.messages.get().body == "Hello, we have your records."


def test_preview_shows_the_message_and_the_email_and_sends_nothing(
    client, inquiry, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry),
        {"action": "preview", "priority": "3", "assignee": "nobody", "body": "Draft X"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft X" in html and "For your privacy we do not put medical" in html
    assert not inquiry.messages.exists()


@pytest.mark.parametrize(
    "data, status",
    [
        ({"action": "preview", "body": "Draft X"}, 200),
        ({"action": "template", "template": "acknowledgement"}, 200),
        ({"action": "save", "to_status": "closed", "outcome": ""}, 400),
    ],
    ids=["preview", "use this template", "refused save"],
)
def test_a_post_that_shows_the_case_is_logged_as_a_view(
    client, inquiry, coordinator, templates, data, status
):
    """Every page that shows the case writes one access-log row, not only a GET."""
    client.force_login(coordinator)
    response = client.post(
        page(inquiry), {"priority": "3", "assignee": "nobody", **data}
    )
    assert response.status_code == status
    assert "Stable after surgery." in response.content.decode()
    log = AccessLog.objects.get(action="view_inquiry", inquiry=inquiry)
    assert log.user == coordinator


def test_the_workspace_view_is_logged_and_says_back_to_queue(
    client, inquiry, coordinator
):
    client.force_login(coordinator)
    html = client.get(
        page(inquiry) + "?_changelist_filters=view%3Dmine"
    ).content.decode()
    assert (
        "Back to queue" in html and 'href="/admin/inquiries/inquiry/?view=mine"' in html
    )
    assert ">Close<" not in html
    assert AccessLog.objects.filter(action="view_inquiry", inquiry=inquiry).count() == 1


def test_other_inquiries_from_the_same_person_are_linked(
    client, make_inquiry, coordinator
):
    first = make_inquiry()
    second = make_inquiry()
    client.force_login(coordinator)
    html = client.get(page(first)).content.decode()
    assert f'href="{page(second)}"' in html


def refs(client, query):
    html = client.get(f"/admin/inquiries/inquiry/?{query}").content.decode()
    return {i.reference for i in Inquiry.objects.all() if i.reference in html}


def test_saved_views_narrow_the_queue(
    client, make_inquiry, coordinator, clinician, superuser
):
    mine = make_inquiry()
    inquiry_assign(inquiry=mine, assignee=coordinator, actor=coordinator)
    theirs = make_inquiry()
    inquiry_assign(inquiry=theirs, assignee=superuser, actor=coordinator)
    waiting_patient = make_inquiry()
    message_send(inquiry=waiting_patient, author=coordinator, body="Please send")
    answered = make_inquiry()
    message_send(inquiry=answered, author=coordinator, body="Please send")
    answered.messages.create(direction="from_patient", body="Here")
    waiting_clinician = make_inquiry()
    assessment_request_create(
        inquiry=waiting_clinician, clinician=clinician, actor=coordinator
    )
    overdue = make_inquiry()
    Inquiry.objects.filter(pk=overdue.pk).update(
        first_response_due=timezone.now() - timedelta(hours=1)
    )
    client.force_login(coordinator)
    assert refs(client, "view=mine") == {mine.reference}
    assert theirs.reference not in refs(client, "view=unassigned")
    assert overdue.reference in refs(client, "view=unassigned")
    assert refs(client, "view=overdue") == {overdue.reference}
    assert refs(client, "view=waiting_patient") == {waiting_patient.reference}
    assert refs(client, "view=waiting_clinician") == {waiting_clinician.reference}


def test_newest_or_most_urgent_first_in_one_click(client, make_inquiry, coordinator):
    old_urgent = make_inquiry()
    Inquiry.objects.filter(pk=old_urgent.pk).update(
        received_at=timezone.now() - timedelta(days=3), priority=1
    )
    newest = make_inquiry()
    client.force_login(coordinator)
    queue = client.get("/admin/inquiries/inquiry/").content.decode()
    assert 'href="?sort=newest"' in queue and 'href="?sort=urgent"' in queue

    def order(query):
        html = client.get(f"/admin/inquiries/inquiry/?{query}").content.decode()
        return html.index(newest.reference) < html.index(old_urgent.reference)

    assert order("sort=newest") is True
    assert order("sort=urgent") is False


def test_the_dashboard_draws_the_path_and_the_medians(
    client, make_inquiry, coordinator, clinician
):
    answered = make_inquiry()
    Inquiry.objects.filter(pk=answered.pk).update(
        received_at=timezone.now() - timedelta(hours=10)
    )
    message_send(inquiry=answered, author=coordinator, body="Hi")
    sent = assessment_request_create(
        inquiry=answered, clinician=clinician, actor=coordinator
    )
    assessment_record(
        request=sent,
        clinician=clinician,
        values={
            "diagnosis_confirmed": "x",
            "stage_confirmed": "3",
            "treatments_so_far": "x",
            "ecog": 0,
            "conclusion": "not_suitable",
            "reasoning": "x",
        },
    )
    make_inquiry()
    figures = casework_figures()
    counts = {step.label: step.count for step in figures["path"]}
    assert counts == {
        "Received": 2,
        "Triaged": 1,
        "Assessed": 1,
        "Answered": 1,
        "Referred": 0,
    }
    assert 9.9 <= figures["median_first_reply_hours"] <= 10.1
    client.force_login(coordinator)
    html = client.get("/admin/inquiries/inquiry/dashboard/").content.decode()
    assert "From inquiry to answer" in html and '<svg class="cw-hbars"' in html
    assert "Open inquiries per coordinator" in html


@pytest.mark.parametrize("object_id", ["%C2%B2", "%D9%A1", "1%C2%B2"])
def test_an_id_of_other_digits_is_not_found(client, coordinator, object_id):
    """ "²" and "١" pass ``str.isdigit()``; neither names an inquiry."""
    client.force_login(coordinator)
    response = client.get(f"/admin/inquiries/inquiry/{object_id}/change/")
    assert response.status_code == 404
