"""The clinician's assessment: who may see what, signed, append-only, superseded."""

import pytest
from django.core.exceptions import ValidationError

from cancerfax.append_only import AppendOnlyError
from casework.assessments import (
    assessment_is_intact,
    assessment_record,
    assessment_request_create,
)
from casework.models import Assessment
from inquiries.models import AccessLog
from inquiries.triage import inquiry_transition

from ..inquiries.samples import PATIENT_NAME

pytestmark = pytest.mark.django_db

VALUES = {
    "diagnosis_confirmed": "HCC on biopsy",
    "stage_confirmed": "3",
    "treatments_so_far": "Resection, TACE",
    "ecog": 1,
    "missing": "Recent CT",
    "conclusion": "worth_considering",
    "reasoning": "Fit, stable disease",
}


@pytest.fixture
def sent(inquiry, coordinator, clinician):
    return assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator, question="CIK?"
    )


def test_a_clinician_sees_only_the_requests_sent_to_them(
    client, sent, clinician, other_clinician, make_inquiry, coordinator
):
    other = assessment_request_create(
        inquiry=make_inquiry(data={"email": "b@example.com"}),
        clinician=other_clinician,
        actor=coordinator,
    )
    client.force_login(clinician)
    listing = client.get("/admin/casework/assessmentrequest/").content.decode()
    assert sent.inquiry.reference in listing
    assert other.inquiry.reference not in listing
    base = "/admin/casework/assessmentrequest/"
    assert client.get(f"{base}{sent.pk}/change/").status_code == 200
    assert client.get(f"{base}{other.pk}/change/").status_code == 403
    assert (
        client.get(f"/admin/inquiries/inquiry/{sent.inquiry.pk}/change/").status_code
        == 403
    )


def test_the_clinician_page_shows_the_case_without_contacts_and_logs_the_view(
    client, sent, clinician
):
    client.force_login(clinician)
    html = client.get(
        f"/admin/casework/assessmentrequest/{sent.pk}/change/"
    ).content.decode()
    assert "Stable after surgery." in html and "CIK?" in html
    assert PATIENT_NAME not in html and sent.inquiry.email not in html
    log = AccessLog.objects.get(action="view_inquiry", user=clinician)
    assert log.inquiry == sent.inquiry


def test_a_clinician_downloads_only_files_of_their_requests(
    client, sent, clinician, other_clinician
):
    record = sent.inquiry.files.first()
    url = f"/admin/casework/assessmentrequest/{sent.pk}/files/{record.pk}/"
    client.force_login(other_clinician)
    assert client.get(url).status_code == 403
    client.force_login(clinician)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert AccessLog.objects.filter(action="download_file", user=clinician).count() == 1


def test_an_assessment_is_signed_and_recorded_from_the_form(
    client, sent, clinician, centres
):
    client.force_login(clinician)
    response = client.post(
        f"/admin/casework/assessmentrequest/{sent.pk}/change/",
        {**VALUES, "suggested_centres": [centres[0].pk]},
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (
        assessment.signed_name == "Dr Ada Osei, MD, FRCP"
        and assessment.clinician == clinician
    )
    assert list(assessment.suggested_centres.all()) == [centres[0]]
    assert assessment_is_intact(assessment)
    sent.refresh_from_db()
    assert sent.answered_at == assessment.signed_at


def test_an_ecog_above_four_is_refused(client, sent, clinician):
    client.force_login(clinician)
    response = client.post(
        f"/admin/casework/assessmentrequest/{sent.pk}/change/", {**VALUES, "ecog": 5}
    )
    assert response.status_code == 400 and not Assessment.objects.exists()


def test_the_clinicians_refused_form_shows_the_case_and_logs_the_view(
    client, sent, clinician
):
    client.force_login(clinician)
    response = client.post(
        f"/admin/casework/assessmentrequest/{sent.pk}/change/", {**VALUES, "ecog": 5}
    )
    assert response.status_code == 400
    assert "Stable after surgery." in response.content.decode()
    log = AccessLog.objects.get(action="view_inquiry", user=clinician)
    assert log.inquiry == sent.inquiry and str(sent.pk) in log.detail


def test_a_later_assessment_supersedes_and_never_overwrites(sent, clinician):
    first = assessment_record(request=sent, clinician=clinician, values=VALUES)
    second = assessment_record(
        request=sent,
        clinician=clinician,
        values={**VALUES, "conclusion": "not_suitable", "reasoning": "New scan"},
    )
    assert second.supersedes == first
    first.refresh_from_db()
    assert first.conclusion == "worth_considering" and assessment_is_intact(first)
    first.reasoning = "edited"
    with pytest.raises(AppendOnlyError):
        first.save()
    with pytest.raises(AppendOnlyError):
        Assessment.objects.filter(pk=first.pk).update(reasoning="edited")
    with pytest.raises(AppendOnlyError):
        first.delete()


def test_only_the_clinician_asked_may_record(sent, other_clinician, coordinator):
    for person in (other_clinician, coordinator):
        with pytest.raises(ValidationError):
            assessment_record(request=sent, clinician=person, values=VALUES)


def test_only_clinicians_can_be_asked(inquiry, coordinator, medical_editor):
    with pytest.raises(ValidationError):
        assessment_request_create(
            inquiry=inquiry, clinician=medical_editor, actor=coordinator
        )


def test_the_coordinator_answers_from_the_assessment(
    client, sent, clinician, coordinator, centres, templates
):
    assessment = assessment_record(
        request=sent, clinician=clinician, values=VALUES, centres=centres
    )
    client.force_login(coordinator)
    page = client.get(
        f"/admin/inquiries/inquiry/{sent.inquiry.pk}/change/?answer={assessment.pk}"
    )
    html = page.content.decode()
    assert "Write to the patient from this assessment" in html
    # The suggested template carries the assessment's reasoning and centres.
    assert "Maybe: Fit, stable disease" in html and "Harbour Cell Centre" in html
    response = client.post(
        f"/admin/inquiries/inquiry/{sent.inquiry.pk}/change/",
        {
            "action": "send",
            "priority": 3,
            "assignee": "nobody",
            "template": "worth_considering",
            "assessment": assessment.pk,
            "body": "Maybe: Fit, stable disease. Harbour Cell Centre.",
        },
    )
    assert response.status_code == 302
    message = sent.inquiry.messages.get()
    assert message.assessment == assessment
    assert message.template_purpose == "worth_considering"


def test_a_clinician_loses_access_once_the_inquiry_is_closed(
    client, sent, clinician, coordinator
):
    client.force_login(clinician)
    page = f"/admin/casework/assessmentrequest/{sent.pk}/change/"
    assert client.get(page).status_code == 200
    inquiry_transition(
        inquiry=sent.inquiry, to_status="closed", outcome="withdrawn", actor=coordinator
    )
    assert client.get(page).status_code == 403
    listing = client.get("/admin/casework/assessmentrequest/").content.decode()
    assert sent.inquiry.reference not in listing
    with pytest.raises(ValidationError) as refused:
        assessment_record(request=sent, clinician=clinician, values=VALUES)
    assert refused.value.code == "closed"
