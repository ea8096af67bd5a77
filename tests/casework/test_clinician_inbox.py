"""The clinician's inbox: the e-mail, the home panel, the list and the form."""

import pytest
from django.test import RequestFactory

from casework.assessments import (
    assessment_initial,
    assessment_record,
    assessment_request_create,
)
from casework.clinician_home import clinician_panel
from casework.forms import AssessmentForm
from inquiries.models import OutboxEmail

pytestmark = pytest.mark.django_db


def ask(inquiry, clinician, coordinator):
    return assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator, question="CIK?"
    )


def test_a_mail_server_that_is_down_never_loses_the_request(
    failing_mail, inquiry, clinician, coordinator, django_capture_on_commit_callbacks
):
    """The request stands; its e-mail waits in the outbox for the next try."""
    with django_capture_on_commit_callbacks(execute=True):
        sent = ask(inquiry, clinician, coordinator)
    sent.refresh_from_db()
    notice = OutboxEmail.objects.get(kind=OutboxEmail.Kind.CLINICIAN_REQUEST)
    assert notice.sent_at is None and notice.last_error
    assert (
        OutboxEmail.objects.pending(now=notice.next_attempt_at)
        .filter(pk=notice.pk)
        .exists()
    )


def test_the_panel_lists_waiting_cases_oldest_first_and_forgets_answered_ones(
    make_inquiry, clinician, coordinator, django_assert_max_num_queries
):
    first = ask(make_inquiry(), clinician, coordinator)
    ask(make_inquiry(), clinician, coordinator)
    request = RequestFactory().get("/admin/")
    request.user = clinician
    with django_assert_max_num_queries(6):
        panel = clinician_panel(request)
    assert panel.figures[0].count == 2
    assert str(panel.figures[0].label) == "cases waiting for your assessment"
    assert panel.links[0][0].startswith(f"{first.inquiry.reference}, waiting ")
    values = {**assessment_initial(first.inquiry), "ecog": 1, "reasoning": "Fine."}
    assessment_record(
        request=first,
        clinician=clinician,
        values={**values, "conclusion": "worth_considering", "missing": ""},
    )
    panel = clinician_panel(request)
    assert panel.figures[0].count == 1
    assert str(panel.figures[0].label) == "case waiting for your assessment"


def test_coordinators_get_no_clinician_panel(coordinator):
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    assert clinician_panel(request) is None


def test_the_form_starts_from_what_the_patient_told_us(make_inquiry):
    inquiry = make_inquiry(data={"treatments": ["surgery", "tace"], "stage": "3"})
    initial = assessment_initial(inquiry)
    assert initial["treatments_so_far"] == "Surgery, TACE (chemoembolisation)"
    assert initial["stage_confirmed"] == "3"
    assert initial["diagnosis_confirmed"] == inquiry.cancer_type_label
    assert "conclusion" not in initial and "ecog" not in initial


def test_required_radios_offer_no_blank_choice():
    form = AssessmentForm()
    for name in ("ecog", "conclusion"):
        assert all(value not in ("", None) for value, __ in form.fields[name].choices)
    assert not AssessmentForm({}).is_valid()
