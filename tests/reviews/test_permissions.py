"""Who reaches the review pages, and who may decide: a role-by-URL matrix."""

import pytest

from reviews.capture import version_capture
from reviews.models import ReviewRecord
from tests.factories import FaqEntryFactory

from .conftest import review_form

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "staff_without_role",
    "coordinator",
    "medical_editor",
    "medical_reviewer",
    "superuser",
]
# GET status of the dashboard and of a version's diff page, per role.
EXPECTED_PAGES = {
    "anonymous": 302,
    "staff_without_role": 403,
    "coordinator": 403,
    "medical_editor": 200,
    "medical_reviewer": 200,
    "superuser": 200,
}
MAY_APPROVE = {"medical_reviewer"}


def log_in(client, request, role):
    if role == "anonymous":
        return None
    user = request.getfixturevalue(role)
    client.force_login(user)
    return user


@pytest.fixture
def version():
    return version_capture(obj=FaqEntryFactory(), user=None)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "path",
    ["/admin/reviews/reviewdashboard/", "/admin/reviews/contentversion/{pk}/review/"],
)
def test_review_pages_by_role(client, request, version, role, path):
    log_in(client, request, role)
    response = client.get(path.format(pk=version.pk))
    assert response.status_code == EXPECTED_PAGES[role]
    if role == "anonymous":
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ROLES)
def test_only_medical_reviewers_may_approve(
    client, request, version, reviewer_profile, role
):
    """Superusers have every permission but no reviewer profile to sign with."""
    log_in(client, request, role)
    response = client.post(
        f"/admin/reviews/contentversion/{version.pk}/review/",
        review_form([reviewer_profile], "approve"),
    )
    approved = ReviewRecord.objects.filter(outcome="approved").exists()
    assert approved == (role in MAY_APPROVE), response.status_code
