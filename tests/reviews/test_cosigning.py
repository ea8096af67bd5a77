"""Four-eyes co-signing: where a kind needs two signers, each signs in their own
session; the version goes live only with the second, and the page names exactly
the people who signed. Every way to sign for someone else is refused."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cancerfax import roles
from reviews.capture import version_capture
from reviews.models import (
    ContentVersion,
    CoSignature,
    Reviewer,
    ReviewRecord,
    ReviewRecordReviewer,
)
from reviews.services import version_approve
from tests.factories import ReviewerFactory, SectionFactory

from .conftest import review_form
from .test_review_line import review_line

pytestmark = pytest.mark.django_db
Status = ContentVersion.Status


@pytest.fixture(autouse=True)
def two_signers(settings):
    settings.REVIEW_SIGNERS_REQUIRED = {"guide": 2}


@pytest.fixture
def version(medical_editor):
    guide = SectionFactory(body="<p>Words a reviewer must read.</p>").guide
    return version_capture(obj=guide, user=medical_editor)


def session(user):
    client = Client()
    client.force_login(user)
    return client


def review_url(version):
    return f"/admin/reviews/contentversion/{version.pk}/review/"


def sign(client, version, reviewers, action="approve", **extra):
    return client.post(review_url(version), review_form(reviewers, action, **extra))


def public_names(version):
    guide = version.reviewed.model.objects.get(pk=version.object_id)
    response = Client().get(guide.get_absolute_url())
    if response.status_code == 404:
        return None
    return review_line(response.content.decode())[0]


def error_codes(excinfo):
    return {error.code for error in excinfo.value.error_list}


def test_the_first_signature_waits_and_the_second_in_its_own_session_approves(
    version, reviewer_profile, other_reviewer
):
    first = sign(session(reviewer_profile.user), version, [reviewer_profile])
    assert first.status_code == 302
    version.refresh_from_db()
    assert version.status == Status.PENDING
    assert not ReviewRecord.objects.exists()
    assert public_names(version) is None  # patients see nothing yet
    assert list(CoSignature.objects.values_list("reviewer", "signed_by")) == [
        (reviewer_profile.pk, reviewer_profile.user_id)
    ]
    page = session(other_reviewer.user).get(review_url(version)).content.decode()
    assert "waiting for a co-signer" in page and "Dr Ada Lovelace" in page

    second = sign(session(other_reviewer.user), version, [other_reviewer])
    assert second.status_code == 302
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    record = ReviewRecord.objects.get()
    assert record.recorded_by == other_reviewer.user
    assert set(record.reviewer_links.values_list("reviewer", "signed_by")) == {
        (reviewer_profile.pk, reviewer_profile.user_id),
        (other_reviewer.pk, other_reviewer.user_id),
    }
    assert sorted(public_names(version)) == [
        "Dr Ada Lovelace (MBBS, FRCP)",
        "Dr Grace Hopper (MD, PhD)",
    ]


def test_a_colleagues_profile_in_the_post_is_refused(
    version, reviewer_profile, other_reviewer
):
    client = session(reviewer_profile.user)
    for named in ([other_reviewer], [reviewer_profile, other_reviewer]):
        response = sign(client, version, named)
        assert response.status_code == 200  # the form again, with the refusal
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version,
            user=reviewer_profile.user,
            reviewers=[reviewer_profile, other_reviewer],
        )
    assert error_codes(excinfo) == {"not_a_reviewer"}
    assert not CoSignature.objects.exists() and not ReviewRecord.objects.exists()


def test_a_panel_the_user_is_not_in_is_refused(version, reviewer_profile):
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    assert sign(session(reviewer_profile.user), version, [panel]).status_code == 200
    with pytest.raises(ValidationError) as excinfo:
        version_approve(version=version, user=reviewer_profile.user, reviewers=[panel])
    assert error_codes(excinfo) == {"not_a_reviewer"}
    assert not CoSignature.objects.exists()


def test_the_same_person_cannot_sign_twice(version, reviewer_profile):
    """Not again as themselves, nor again for a panel they belong to, nor from a
    second session of their own: the version still waits for someone else."""
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    panel.members.add(reviewer_profile)
    version_approve(version=version, user=reviewer_profile.user, reviewers=[panel])
    for named in ([panel], [reviewer_profile]):
        with pytest.raises(ValidationError) as excinfo:
            version_approve(
                version=version, user=reviewer_profile.user, reviewers=named
            )
        assert error_codes(excinfo) <= {"signed_already", "reviewer_signed_already"}
    again = sign(session(reviewer_profile.user), version, [reviewer_profile])
    assert again.status_code == 403  # approving is no longer offered to them
    version.refresh_from_db()
    assert version.status == Status.PENDING
    assert CoSignature.objects.count() == 1
    assert not ReviewRecord.objects.exists()


def test_a_forged_second_signature_through_the_first_session_is_refused(
    version, reviewer_profile, other_reviewer
):
    first = session(reviewer_profile.user)
    sign(first, version, [reviewer_profile])
    assert sign(first, version, [other_reviewer]).status_code == 403
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version, user=reviewer_profile.user, reviewers=[other_reviewer]
        )
    assert error_codes(excinfo) <= {"not_a_reviewer", "signed_already"}
    version.refresh_from_db()
    assert version.status == Status.PENDING
    assert not ReviewRecord.objects.exists()
    assert not ReviewRecordReviewer.objects.exists()


def test_a_co_signer_cannot_sign_again_for_what_the_first_signed(
    version, reviewer_profile, other_reviewer
):
    """The second person must add their own name: a panel already signed by the
    first does not make a second signer."""
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    panel.members.add(reviewer_profile, other_reviewer)
    version_approve(version=version, user=reviewer_profile.user, reviewers=[panel])
    with pytest.raises(ValidationError) as excinfo:
        version_approve(version=version, user=other_reviewer.user, reviewers=[panel])
    assert error_codes(excinfo) == {"reviewer_signed_already"}
    assert not ReviewRecord.objects.exists()


def test_an_editor_of_the_version_cannot_sign(
    version, medical_editor, reviewer_profile
):
    medical_editor.groups.add(Group.objects.get(name=roles.MEDICAL_REVIEWER))
    own = ReviewerFactory(name="Dr Editor", user=medical_editor)
    version_approve(
        version=version, user=reviewer_profile.user, reviewers=[reviewer_profile]
    )
    with pytest.raises(ValidationError) as excinfo:
        version_approve(version=version, user=medical_editor, reviewers=[own])
    assert error_codes(excinfo) == {"self_approval"}
    version.refresh_from_db()
    assert version.status == Status.PENDING


def test_changes_requested_void_the_signatures_given_before(
    version, reviewer_profile, other_reviewer, django_user_model
):
    """A decision in between closes the round: approving then needs two new
    signatures, not the one given before the changes were asked for."""
    sign(session(reviewer_profile.user), version, [reviewer_profile])
    sign(
        session(other_reviewer.user),
        version,
        [other_reviewer],
        action="request_changes",
        notes="Cite the trial.",
    )
    assert ReviewRecord.objects.get().outcome == "changes_requested"
    version_approve(
        version=version, user=other_reviewer.user, reviewers=[other_reviewer]
    )
    version.refresh_from_db()
    assert version.status == Status.CHANGES_REQUESTED
    assert ReviewRecord.objects.filter(outcome="approved").count() == 0


def test_one_signer_is_enough_where_the_kind_needs_one(
    settings, version, reviewer_profile
):
    settings.REVIEW_SIGNERS_REQUIRED = {}
    sign(session(reviewer_profile.user), version, [reviewer_profile])
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert public_names(version) == ["Dr Ada Lovelace (MBBS, FRCP)"]
    assert ReviewRecordReviewer.objects.get().signed_by == reviewer_profile.user


def test_a_first_signature_costs_the_same_for_one_name_or_two(
    medical_editor, reviewer_profile
):
    """Signing for one's profile and one's panel at once reads the round once."""
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    panel.members.add(reviewer_profile)
    counts = []
    for named in ([reviewer_profile], [reviewer_profile, panel]):
        guide = SectionFactory(body="<p>Words.</p>").guide
        version = version_capture(obj=guide, user=medical_editor)
        with CaptureQueriesContext(connection) as queries:
            version_approve(
                version=version, user=reviewer_profile.user, reviewers=named
            )
        counts.append(len(queries))
    assert CoSignature.objects.count() == 3
    assert counts[1] == counts[0]
