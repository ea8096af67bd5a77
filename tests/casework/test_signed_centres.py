"""A signed assessment's suggested centres are part of what was signed."""

import pytest
from django.db import models, transaction

from cancerfax.append_only import AppendOnlyError, erasure_allowed
from casework.assessments import (
    assessment_is_intact,
    assessment_record,
    assessment_request_create,
)
from casework.messaging import template_fill
from casework.models import Assessment

from .test_assessments import VALUES

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(inquiry, coordinator, clinician, centres):
    sent = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )
    return assessment_record(
        request=sent, clinician=clinician, values=VALUES, centres=[centres[0]]
    )


def test_the_centres_are_copied_as_they_were_at_signing(signed, centres):
    assert signed.centres_signed == [
        {"id": centres[0].pk, "name": "Harbour Cell Centre", "city": "Guangzhou",
         "country": "CN"}
    ]  # fmt: skip
    assert assessment_is_intact(signed)


@pytest.mark.parametrize(
    "change",
    [
        lambda a, c: a.suggested_centres.set([c[1]]),
        lambda a, c: a.suggested_centres.add(c[1]),
        lambda a, c: a.suggested_centres.remove(c[0]),
        lambda a, c: a.suggested_centres.clear(),
        lambda a, c: c[1].assessments.add(a),
        lambda a, c: c[0].assessments.clear(),
    ],
    ids=["set", "add", "remove", "clear", "add from the centre", "clear from centre"],
)
def test_a_signed_assessments_centres_cannot_change(signed, centres, change):
    # The refusal breaks the caller's transaction, as a database error would.
    with pytest.raises(AppendOnlyError), transaction.atomic():
        change(signed, centres)
    assert list(signed.suggested_centres.all()) == [centres[0]]
    assert assessment_is_intact(Assessment.objects.get(pk=signed.pk))


def test_renaming_a_centre_changes_nothing_the_assessment_says(
    client, signed, centres, coordinator, clinician, inquiry, templates
):
    """The thread, the clinician's page and the reply's {centres} keep the name,
    city and country that were signed."""
    centres[0].name, centres[0].city, centres[0].country = "Renamed", "Beijing", "IN"
    centres[0].save()

    filled = template_fill(
        body="{centres}", inquiry=inquiry, coordinator=coordinator, assessment=signed
    )
    assert filled == "- Harbour Cell Centre, Guangzhou (China)"
    client.force_login(coordinator)
    workspace = client.get(
        f"/admin/inquiries/inquiry/{inquiry.pk}/change/?answer={signed.pk}"
    ).content.decode()
    assert "Harbour Cell Centre (Guangzhou, China)" in workspace  # the thread
    assert "- Harbour Cell Centre, Guangzhou (China)" in workspace  # the reply
    assert "Renamed" not in workspace and "Beijing" not in workspace
    client.force_login(clinician)
    desk = client.get(
        f"/admin/casework/assessmentrequest/{signed.request_id}/change/"
    ).content.decode()
    assert "Harbour Cell Centre (Guangzhou, China)" in desk
    # The form for a new assessment offers the centre under its new name.
    assert "Renamed (Beijing, India)" not in desk
    assert assessment_is_intact(Assessment.objects.get(pk=signed.pk))


def test_a_changed_copy_no_longer_matches_the_signature(signed):
    """The copy is covered by the content fingerprint (changed here behind both
    append-only guards, as the database's owner could by dropping the triggers)."""
    rows = Assessment.objects.filter(pk=signed.pk)
    with erasure_allowed():
        models.QuerySet.update(rows, centres_signed=[{"name": "Elsewhere"}])
    assert not assessment_is_intact(Assessment.objects.get(pk=signed.pk))
