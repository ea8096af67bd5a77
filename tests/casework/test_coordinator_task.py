"""The coordinator's routine: one submit keeps everything typed on the case page,
replies and requests move the status, and the queue shows what happened last,
what needs a reply and how many are in each view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casework.assessments import assessment_record, assessment_request_create
from casework.messaging import message_send
from casework.models import AssessmentRequest, Message
from casework.patient_actions import patient_reply
from casework.patient_links import patient_link_issue
from casework.selectors import SAVED_VIEWS, saved_view_counts
from inquiries.models import Inquiry, InquiryEvent
from inquiries.triage import inquiry_transition
from inquiries.workflow import Activity, Status, Step, status_after, status_path

from .test_assessments import VALUES

pytestmark = pytest.mark.django_db
QUEUE = "/admin/inquiries/inquiry/"


def case_url(inquiry):
    return f"{QUEUE}{inquiry.pk}/change/"


def panel(**values):
    return {
        "action": "save",
        "to_status": "",
        "priority": "3",
        "assignee": "nobody",
    } | values


def test_a_clinician_request_saves_the_panel_chosen_with_it(
    client, inquiry, coordinator, clinician
):
    """Assignee and priority chosen, then "Send for assessment": both are saved
    with the request, and the status moves New → Triaged → Medical review."""
    client.force_login(coordinator)
    response = client.post(
        case_url(inquiry),
        panel(
            action="ask",
            assignee=str(coordinator.pk),
            priority="1",
            clinician=str(clinician.pk),
            question="Is CIK worth considering?",
        ),
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.assignee, inquiry.priority) == (coordinator, 1)
    assert inquiry.status == Status.MEDICAL_REVIEW
    request = AssessmentRequest.objects.get(inquiry=inquiry)
    assert request.clinician == clinician and request.question.startswith("Is CIK")
    moves = InquiryEvent.objects.filter(inquiry=inquiry, kind="status")
    assert [e.to_status for e in moves.order_by("pk")] == ["triaged", "medical_review"]
    page = client.get(case_url(inquiry)).content.decode()
    assert "Saved: assignee saved, priority saved, sent to" in page
    assert "status changed to Medical review" in page


@pytest.mark.parametrize(
    ("action", "typed", "refusal"),
    [
        ("save", {"body": "Dear patient, we read your file."}, "not sent"),
        ("save", {"question": "Is CIK worth it?"}, "question for the clinician"),
        ("ask", {"body": "Dear patient, we read your file."}, "not sent"),
        ("send", {"body": "Hello", "question": "Is CIK worth it?"}, "question"),
        ("revoke", {"question": "Is CIK worth it?"}, "question"),
    ],
)
def test_a_submit_that_would_drop_typed_text_saves_nothing_and_keeps_it(
    client, inquiry, coordinator, clinician, action, typed, refusal
):
    client.force_login(coordinator)
    response = client.post(
        case_url(inquiry),
        panel(action=action, priority="1", clinician=str(clinician.pk), **typed),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved." in html and refusal in html
    for text in typed.values():
        assert text in html  # what was typed is on the page again
    inquiry.refresh_from_db()
    assert inquiry.priority == 3 and not Message.objects.exists()
    assert not AssessmentRequest.objects.exists()


def test_a_template_left_as_filled_in_is_not_typed_text(
    client, inquiry, coordinator, templates
):
    """Saving the panel while the box holds the untouched template is fine."""
    client.force_login(coordinator)
    page = client.get(case_url(inquiry) + "?answer=")
    assert page.status_code == 200
    body = f"Hello, about {inquiry.reference}. Regards, coordinator@example.org"
    response = client.post(
        case_url(inquiry),
        panel(priority="2", template="acknowledgement", body=body),
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.priority == 2


@pytest.mark.parametrize(
    ("template", "expected", "label"),
    [
        ("", Status.TRIAGED, "(sets “Triaged”)"),
        ("acknowledgement", Status.TRIAGED, "(sets “Triaged”)"),
        ("records_requested", Status.RECORDS_REQUESTED, "(sets “Records requested”)"),
    ],
)
def test_a_reply_moves_the_status_its_button_names(
    client, inquiry, coordinator, templates, template, expected, label
):
    client.force_login(coordinator)
    page = client.get(case_url(inquiry), {"template": template}).content.decode()
    if not template:  # the others are named by the script as the template changes
        assert label in page
    response = client.post(
        case_url(inquiry), panel(action="send", template=template, body="Hello")
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == expected
    page = client.get(case_url(inquiry)).content.decode()
    assert f"status changed to {expected.label}" in page
    assert inquiry.last_activity == Activity.MESSAGE_SENT
    assert not inquiry.needs_reply


def test_a_status_chosen_in_the_panel_wins_over_the_reply(client, inquiry, coordinator):
    client.force_login(coordinator)
    response = client.post(
        case_url(inquiry),
        panel(action="send", to_status="records_requested", body="Please send"),
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.RECORDS_REQUESTED
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind="status").count() == 1


def test_steps_follow_the_transition_table():
    assert status_after(Step.REPLY, Status.NEW) == Status.TRIAGED
    assert status_after(Step.REPLY, Status.MEDICAL_REVIEW) is None
    assert status_path(Status.NEW, Status.MEDICAL_REVIEW) == [
        Status.TRIAGED,
        Status.MEDICAL_REVIEW,
    ]
    assert status_path(Status.TRAVEL_ADMISSION, Status.TRAVEL_ADMISSION) == []
    for targets in [status_after(step, status) for step in Step for status in Status]:
        assert targets is None or targets in Status.values


def test_what_arrives_is_the_last_activity_and_needs_a_reply(
    inquiry, coordinator, clinician, django_capture_on_commit_callbacks
):
    assert (inquiry.last_activity, inquiry.needs_reply) == (Activity.RECEIVED, True)
    message_send(inquiry=inquiry, author=coordinator, body="Hello")
    inquiry.refresh_from_db()
    assert (inquiry.last_activity, inquiry.needs_reply) == (
        Activity.MESSAGE_SENT,
        False,
    )
    link, __ = patient_link_issue(inquiry=inquiry, actor=coordinator)
    patient_reply(link=link, body="Here is my CT.")
    inquiry.refresh_from_db()
    assert (inquiry.last_activity, inquiry.needs_reply) == (
        Activity.PATIENT_REPLIED,
        True,
    )
    request = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )
    inquiry.refresh_from_db()
    assert inquiry.last_activity == Activity.SENT_TO_CLINICIAN
    assert inquiry.needs_reply  # the patient still waits for an answer
    assessment_record(request=request, clinician=clinician, values=VALUES)
    inquiry.refresh_from_db()
    assert (inquiry.last_activity, inquiry.needs_reply) == (
        Activity.ASSESSMENT_RECORDED,
        True,
    )
    inquiry_transition(
        inquiry=inquiry, to_status="closed", outcome="withdrawn", actor=coordinator
    )
    inquiry.refresh_from_db()
    assert not inquiry.needs_reply


def test_the_queue_row_shows_the_last_activity(client, inquiry, coordinator):
    link, __ = patient_link_issue(inquiry=inquiry, actor=coordinator)
    patient_reply(link=link, body="Here is my CT.")
    client.force_login(coordinator)
    html = client.get(QUEUE).content.decode()
    row = html[html.index(inquiry.reference) :]
    row = row[: row.index("</tr>")]
    assert "Patient replied" in row and "cw-needs-reply" in row


def test_each_tab_counts_what_its_view_lists(
    client, make_inquiry, coordinator, clinician
):
    made = [make_inquiry() for _ in range(5)]
    message_send(inquiry=made[0], author=coordinator, body="Hello")
    assessment_request_create(inquiry=made[1], clinician=clinician, actor=coordinator)
    client.force_login(coordinator)
    client.post(case_url(made[2]), panel(assignee=str(coordinator.pk)))
    inquiry_transition(
        inquiry=made[3], to_status="closed", outcome="spam", actor=coordinator
    )
    counts = saved_view_counts(coordinator)
    expected = {
        key: filter_(Inquiry.objects.all(), coordinator).count()
        for key, (__, filter_) in SAVED_VIEWS.items()
    }
    assert counts == {"all": 5, **expected}
    assert counts["needs_reply"] == 3 and counts["mine"] == 1
    html = client.get(QUEUE).content.decode()
    assert 'Needs reply <span class="cw-count">3</span>' in html


def test_the_default_order_puts_what_needs_a_reply_first_and_the_newest_on_top(
    client, make_inquiry, coordinator
):
    answered = make_inquiry()
    message_send(inquiry=answered, author=coordinator, body="Hello")
    older = [make_inquiry() for _ in range(3)]
    newest = make_inquiry()
    client.force_login(coordinator)
    html = client.get(QUEUE).content.decode()
    order = sorted([answered, *older, newest], key=lambda i: html.index(i.reference))
    assert order[0] == newest and order[-1] == answered


def test_a_country_is_found_by_its_name(client, make_inquiry, coordinator):
    nigeria = make_inquiry(data={"country": "NG"})
    britain = make_inquiry(data={"country": "GB"})
    client.force_login(coordinator)
    for term in ["nigeria", "Nigeria", "nig"]:
        html = client.get(QUEUE, {"q": term}).content.decode()
        assert nigeria.reference in html and britain.reference not in html
    html = client.get(QUEUE, {"q": "united kingdom"}).content.decode()
    assert britain.reference in html and nigeria.reference not in html


def queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_with_two_rows_or_twenty(
    client, make_inquiry, coordinator
):
    """Last activity, counts and all: no query per row."""
    for _ in range(2):
        make_inquiry()
    client.force_login(coordinator)
    queue_queries(client)
    few = queue_queries(client)
    for _ in range(18):
        message_send(inquiry=make_inquiry(), author=coordinator, body="Hi")
    client.post(case_url(Inquiry.objects.first()), panel())  # forgets the counts
    queue_queries(client)
    assert queue_queries(client) == few <= 10
