"""Nobody approves content they edited, unless a one-person team allows it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cancerfax import roles
from reviews.capture import version_capture
from reviews.models import ContentVersion, Reviewer, ReviewRecord
from reviews.services import review_confirm_current, version_approve
from tests.factories import FaqEntryFactory, ReviewerFactory

from .conftest import faq_form, latest_version, review_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editing_reviewer(medical_reviewer):
    """A reviewer who is also an editor: allowed to edit, and to review others."""
    medical_reviewer.groups.add(Group.objects.get(name=roles.MEDICAL_EDITOR))
    return medical_reviewer


def edit(entry, user, answer):
    entry.answer = answer
    entry.save()
    return version_capture(obj=entry, user=user)


def error_codes(excinfo):
    return {error.code for error in excinfo.value.error_list}


def test_reviewer_cannot_approve_a_version_they_edited(
    editing_reviewer, reviewer_profile
):
    version = edit(FaqEntryFactory(), editing_reviewer, "<p>My own words.</p>")
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version, user=editing_reviewer, reviewers=[reviewer_profile]
        )
    assert error_codes(excinfo) == {"self_approval"}
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.PENDING
    assert not ReviewRecord.objects.exists()


def test_nor_name_a_reviewer_who_edited_it(medical_editor, other_reviewer):
    """Signing in as someone else does not help: the editor cannot be named by a
    colleague at all, since every named reviewer must sign for themselves."""
    editor_profile = ReviewerFactory(name="Dr Editor", user=medical_editor)
    version = edit(FaqEntryFactory(), medical_editor, "<p>Edited.</p>")
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version,
            user=other_reviewer.user,
            reviewers=[other_reviewer, editor_profile],
        )
    assert error_codes(excinfo) == {"not_a_reviewer"}


def test_every_edit_since_the_last_approval_counts(
    medical_editor, editing_reviewer, reviewer_profile
):
    """Someone whose edit was overwritten by a later one still edited it."""
    entry = FaqEntryFactory()
    edit(entry, editing_reviewer, "<p>First edit.</p>")
    latest = edit(entry, medical_editor, "<p>Second edit by someone else.</p>")
    with pytest.raises(ValidationError):
        version_approve(
            version=latest, user=editing_reviewer, reviewers=[reviewer_profile]
        )


def test_edits_before_the_last_approval_do_not_count(
    editing_reviewer, reviewer_profile, other_reviewer, medical_editor
):
    entry = FaqEntryFactory()
    first = edit(entry, editing_reviewer, "<p>First.</p>")
    version_approve(version=first, user=other_reviewer.user, reviewers=[other_reviewer])
    second = edit(entry, medical_editor, "<p>Second.</p>")
    record = version_approve(
        version=second, user=editing_reviewer, reviewers=[reviewer_profile]
    )
    assert record.version == second


def test_another_reviewer_may_approve(editing_reviewer, other_reviewer):
    version = edit(FaqEntryFactory(), editing_reviewer, "<p>Edited.</p>")
    version_approve(
        version=version, user=other_reviewer.user, reviewers=[other_reviewer]
    )
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.APPROVED


def test_confirming_still_accurate_follows_the_same_rule(
    editing_reviewer, reviewer_profile, other_reviewer
):
    version = edit(FaqEntryFactory(), editing_reviewer, "<p>Edited.</p>")
    version_approve(
        version=version, user=other_reviewer.user, reviewers=[other_reviewer]
    )
    with pytest.raises(ValidationError) as excinfo:
        review_confirm_current(
            version=version, user=editing_reviewer, reviewers=[reviewer_profile]
        )
    assert error_codes(excinfo) == {"self_approval"}


def test_the_setting_allows_self_approval_for_a_one_person_team(
    settings, editing_reviewer, reviewer_profile
):
    settings.REVIEW_ALLOW_SELF_APPROVAL = True
    version = edit(FaqEntryFactory(), editing_reviewer, "<p>Alone.</p>")
    record = version_approve(
        version=version, user=editing_reviewer, reviewers=[reviewer_profile]
    )
    assert record.outcome == ReviewRecord.Outcome.APPROVED


def test_reviewers_sign_only_in_their_own_name(reviewer_profile, other_reviewer):
    """A user records reviews for themselves or a panel they sit on, not others."""
    version = version_capture(obj=FaqEntryFactory(), user=None)
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version, user=reviewer_profile.user, reviewers=[other_reviewer]
        )
    assert error_codes(excinfo) == {"not_a_reviewer"}
    panel = ReviewerFactory(name="Tumour board", kind="panel")
    panel.members.add(reviewer_profile)
    version_approve(version=version, user=reviewer_profile.user, reviewers=[panel])


def test_admin_hides_approve_from_the_editor_and_refuses_the_post(
    client, editing_reviewer, reviewer_profile, medical_editor
):
    """Saving counts as editing, even when someone else presses "Submit"."""
    entry = FaqEntryFactory()
    client.force_login(editing_reviewer)
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(entry, answer="<p>Changed by the reviewer.</p>"),
    )
    assert latest_version(entry) is None  # a working copy, not a version
    client.force_login(medical_editor)
    entry.refresh_from_db()
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(entry, _submit_review="1"),
    )
    version = latest_version(entry)
    assert version.created_by == medical_editor
    client.force_login(editing_reviewer)
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    html = client.get(url).content.decode()
    assert 'value="approve"' not in html
    assert "You edited this version, so another reviewer must approve it." in html
    assert 'value="request_changes"' in html
    response = client.post(url, review_form([reviewer_profile], "approve"))
    assert response.status_code == 403
    assert not ReviewRecord.objects.exists()


def test_admin_approve_works_when_the_setting_allows_it(
    client, settings, editing_reviewer, reviewer_profile
):
    settings.REVIEW_ALLOW_SELF_APPROVAL = True
    entry = FaqEntryFactory()
    client.force_login(editing_reviewer)
    client.post(
        f"/admin/faq/faqentry/{entry.pk}/change/",
        faq_form(entry, _submit_review="1"),
    )
    version = latest_version(entry)
    url = f"/admin/reviews/contentversion/{version.pk}/review/"
    response = client.post(url, review_form([reviewer_profile], "approve"))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.APPROVED


def test_a_colleague_who_never_saw_the_version_cannot_be_named_beside_oneself(
    medical_reviewer, reviewer_profile, other_reviewer, medical_editor
):
    """Issue 21: approving with one's own profile and a colleague's was accepted,
    and the public line named both. Every named reviewer must sign for themselves."""
    version = edit(FaqEntryFactory(), medical_editor, "<p>New words.</p>")
    with pytest.raises(ValidationError) as excinfo:
        version_approve(
            version=version,
            user=medical_reviewer,
            reviewers=[reviewer_profile, other_reviewer],
        )
    assert error_codes(excinfo) == {"not_a_reviewer"}
    version.refresh_from_db()
    assert version.status == ContentVersion.Status.PENDING
    assert not ReviewRecord.objects.exists()


def editor_lookups(queries):
    return [q["sql"] for q in queries if "reviews_workingcopyedit" in q["sql"]]


def test_the_editors_are_looked_up_only_when_a_person_signs(
    medical_editor, reviewer_profile
):
    """A panel recorded by nobody signed in (demo and imported content) has no
    person who could have edited the version: its approval asks no editor query.
    A person signing is checked against the editors, as above."""
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    first = edit(FaqEntryFactory(), medical_editor, "<p>First words.</p>")
    with CaptureQueriesContext(connection) as by_panel:
        version_approve(version=first, user=None, reviewers=[panel])
    assert editor_lookups(by_panel) == []

    second = edit(FaqEntryFactory(), medical_editor, "<p>Other words.</p>")
    with CaptureQueriesContext(connection) as by_person:
        version_approve(
            version=second, user=reviewer_profile.user, reviewers=[reviewer_profile]
        )
    assert len(editor_lookups(by_person)) == 1
    assert ReviewRecord.objects.count() == 2
