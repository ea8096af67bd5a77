"""Reviewer profiles are identities: guarded, logged, and copied at each approval."""

import json
import re
from html import unescape

import pytest
from django.utils.html import strip_tags

from reviews.admin_content import FINGERPRINT, content_fingerprint, reviewed_snapshot
from reviews.models import Reviewer, ReviewerChange
from tests.factories import ReviewerFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "staff_without_role",
    "coordinator",
    "medical_editor",
    "medical_reviewer",
    "review_lead",
    "superuser",
]
# (GET of a profile's page, whether a POST changes it), per role.
EXPECTED = {
    "anonymous": (302, False),
    "staff_without_role": (403, False),
    "coordinator": (403, False),
    "medical_editor": (200, False),  # may read who reviews, not change it
    "medical_reviewer": (200, False),
    "review_lead": (200, True),
    "superuser": (200, True),
}


def profile_form(reviewer, **changes):
    """The admin form as posted from a page loaded now (with its fingerprint)."""
    shown = Reviewer.objects.get(pk=reviewer.pk)
    data = {
        FINGERPRINT: content_fingerprint(reviewed_snapshot(shown)),
        "kind": reviewer.kind,
        "name": reviewer.name,
        "credentials": reviewer.credentials,
        "specialty": reviewer.specialty,
        "user": reviewer.user_id or "",
        "members": [m.pk for m in reviewer.members.all()],
        "is_active": "on" if reviewer.is_active else "",
    }
    return {**data, **changes}


def url(reviewer):
    return f"/admin/reviews/reviewer/{reviewer.pk}/change/"


@pytest.mark.parametrize("role", ROLES)
def test_only_review_leads_and_administrators_change_profiles(client, request, role):
    reviewer = ReviewerFactory(name="Dr Jordan Lee")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    expected_get, may_change = EXPECTED[role]
    assert client.get(url(reviewer)).status_code == expected_get
    client.post(url(reviewer), profile_form(reviewer, name="Dr Somebody Else"))
    reviewer.refresh_from_db()
    assert (reviewer.name == "Dr Somebody Else") is may_change


def test_nobody_links_a_profile_to_their_own_account(client, review_lead):
    reviewer = ReviewerFactory(name="Prof Credentialed", credentials="FRCP")
    client.force_login(review_lead)
    response = client.post(url(reviewer), profile_form(reviewer, user=review_lead.pk))
    assert response.status_code == 200
    assert "link a reviewer profile to your own account" in response.content.decode()
    reviewer.refresh_from_db()
    assert reviewer.user is None
    assert not ReviewerChange.objects.exists()


def test_nobody_adds_their_own_profile_to_a_panel(client, review_lead):
    own = ReviewerFactory(user=review_lead)
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    client.force_login(review_lead)
    response = client.post(url(panel), profile_form(panel, members=[own.pk]))
    assert "add your own profile to a panel" in response.content.decode()
    assert not panel.members.exists()


def test_nobody_edits_the_profile_they_sign_with(client, review_lead):
    own = ReviewerFactory(user=review_lead, credentials="MBBS")
    client.force_login(review_lead)
    response = client.post(url(own), profile_form(own, credentials="MBBS, PhD, FRCP"))
    assert "edit the profile you sign with" in response.content.decode()
    own.refresh_from_db()
    assert own.credentials == "MBBS"


def test_every_profile_change_is_logged_with_before_and_after(
    client, review_lead, medical_reviewer
):
    reviewer = ReviewerFactory(name="Dr A", credentials="MBBS")
    client.force_login(review_lead)
    client.post(
        url(reviewer),
        profile_form(reviewer, credentials="MBBS, MRCP", user=medical_reviewer.pk),
    )
    change = ReviewerChange.objects.get()
    assert change.changed_by == review_lead
    assert change.changes == {
        "credentials": ["MBBS", "MBBS, MRCP"],
        "user": [None, medical_reviewer.get_username()],
    }
    response = client.get(url(reviewer))
    assert response.status_code == 200


def test_profiles_are_retired_not_deleted(client, superuser):
    reviewer = ReviewerFactory()
    client.force_login(superuser)
    response = client.post(
        f"/admin/reviews/reviewer/{reviewer.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Reviewer.objects.filter(pk=reviewer.pk).exists()


def review_line_and_json_ld(html):
    line = re.search(r'<div class="review-line">(.*?)</div>', html, re.S).group(1)
    names = [
        unescape(strip_tags(n))
        for n in re.findall(r'class="reviewer">(.*?)</span>', line)
    ]
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return names, json.loads(data.group(1))["reviewedBy"]


def test_a_renamed_profile_does_not_rewrite_past_approvals(client):
    """Pages show each signature as it read on the day of the approval."""
    reviewer = ReviewerFactory(name="Dr Jordan Lee", credentials="MBBS")
    guide = SectionFactory().guide
    approve(guide, reviewers=[reviewer])
    Reviewer.objects.filter(pk=reviewer.pk).update(
        name="Prof Jordan Lee", credentials="MBBS, PhD, FRCP, Nobel laureate"
    )
    names, reviewed_by = review_line_and_json_ld(
        client.get(guide.get_absolute_url()).content.decode()
    )
    assert names == ["Dr Jordan Lee (MBBS)"]
    assert reviewed_by == [
        {
            "@type": "Person",
            "name": "Dr Jordan Lee",
            "honorificSuffix": "MBBS",
            "knowsAbout": reviewer.specialty,
        }
    ]
