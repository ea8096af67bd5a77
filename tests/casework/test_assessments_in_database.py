"""The database refuses changes to signed assessments; erasure still removes them.

Raw SQL and querysets that bypass the model meet the triggers of
``cancerfax.append_only_triggers`` on SQLite and PostgreSQL alike. Erasure on
request and the retention delete go through ``erasure_allowed()``.
"""

import pytest
from django.db.models import QuerySet

from cancerfax.append_only import erasure_allowed
from casework.assessments import (
    assessment_is_intact,
    assessment_record,
    assessment_request_create,
)
from casework.models import Assessment
from inquiries.retention import inquiry_delete, inquiry_erase
from inquiries.services import access_log_record
from tests.append_only_db import ONLY_POSTGRESQL, execute, refused, refused_sql

from .test_assessments import VALUES

pytestmark = pytest.mark.django_db
Centres = Assessment.suggested_centres.through


@pytest.fixture
def assessment(inquiry, coordinator, clinician, centres):
    sent = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator, question="CIK?"
    )
    return assessment_record(
        request=sent, clinician=clinician, values=VALUES, centres=centres[:1]
    )


def test_raw_sql_cannot_change_or_delete_an_assessment(assessment):
    refused_sql("UPDATE casework_assessment SET reasoning = 'Rewritten'")
    refused_sql("UPDATE casework_assessment SET conclusion = 'not_suitable'")
    refused_sql("DELETE FROM casework_assessment")
    assessment.refresh_from_db()
    assert assessment.reasoning == VALUES["reasoning"]
    assert assessment_is_intact(assessment)


def test_querysets_that_bypass_the_model_are_refused_by_the_database(assessment):
    """Django's own cascades use plain querysets: the database refuses them."""
    refused(lambda: QuerySet(Assessment).update(reasoning="Rewritten"))
    refused(QuerySet(Assessment).delete)
    assert Assessment.objects.get().reasoning == VALUES["reasoning"]


def test_the_signed_centres_cannot_be_changed_in_the_database(assessment, centres):
    refused_sql(
        "UPDATE casework_assessment_suggested_centres SET treatmentcentre_id = %s",
        [centres[1].pk],
    )
    refused_sql("DELETE FROM casework_assessment_suggested_centres")
    refused(QuerySet(Centres).delete)
    assert list(assessment.suggested_centres.all()) == [centres[0]]


def test_a_link_may_be_cut_but_never_pointed_elsewhere(
    assessment, clinician, other_clinician
):
    """Deleting the clinician's account sets the link to NULL (the signature
    keeps the name); pointing the assessment at another clinician is refused."""
    refused_sql(
        "UPDATE casework_assessment SET clinician_id = %s", [other_clinician.pk]
    )
    refused_sql("UPDATE casework_assessment SET supersedes_id = id")
    clinician.delete()
    assessment.refresh_from_db()
    assert assessment.clinician is None and assessment.signed_name
    assert assessment_is_intact(assessment)


def test_erase_for_person_is_refused_outside_the_sanctioned_path(assessment):
    refused(Assessment.objects.filter(pk=assessment.pk).erase_for_person)
    with erasure_allowed():
        Assessment.objects.filter(pk=assessment.pk).erase_for_person()
    assert not Assessment.objects.exists() and not Centres.objects.exists()


def test_erasure_on_request_still_removes_assessments(assessment, coordinator):
    access_log_record(user=coordinator, action="view_inquiry")
    inquiry_erase(inquiry=assessment.inquiry, actor=coordinator)
    assert not Assessment.objects.exists() and not Centres.objects.exists()
    # The allowance ended with the erasure.
    refused_sql("DELETE FROM inquiries_accesslog")


def test_the_retention_delete_still_removes_assessments(assessment):
    inquiry = assessment.inquiry
    inquiry.status, inquiry.outcome = "closed", "withdrawn"
    inquiry_delete(inquiry=inquiry)
    assert not Assessment.objects.exists() and not Centres.objects.exists()


def test_a_later_assessment_still_supersedes_the_first(assessment, clinician):
    second = assessment_record(
        request=assessment.request,
        clinician=clinician,
        values={**VALUES, "reasoning": "New scan"},
    )
    assert second.supersedes == assessment and assessment_is_intact(assessment)


@ONLY_POSTGRESQL
def test_truncate_is_refused_on_postgresql(assessment):
    execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE waits for no FK check
    refused_sql("TRUNCATE casework_assessment CASCADE")
    refused_sql("TRUNCATE casework_assessment_suggested_centres")
    assert Assessment.objects.exists()
