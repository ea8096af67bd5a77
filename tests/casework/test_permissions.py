"""The patient's secure link in every state, and only for its own inquiry.

Every casework URL for every member of staff: test_permission_matrix.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.models import Message, PatientLink
from casework.patient_links import patient_link_issue

from ..inquiries.samples import upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "state, expected",
    [("valid", 200), ("expired", 410), ("revoked", 410), ("garbage", 404)],
)
@pytest.mark.parametrize("method", ["get", "post", "upload"])
def test_the_patient_link_in_each_state(
    client, inquiry, coordinator, state, expected, method, pdf_bytes, private_root
):
    link, token = patient_link_issue(inquiry=inquiry, actor=coordinator)
    if state == "expired":
        PatientLink.objects.filter(pk=link.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    elif state == "revoked":
        PatientLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    elif state == "garbage":
        token = token[:-4] + "AAAA"
    url = f"/my-inquiry/{token}/"
    files = inquiry.files.count()
    if method == "get":
        response = client.get(url)
    elif method == "post":
        response = client.post(url, {"action": "reply", "body": "Hi"})
    else:
        response = client.post(
            url, {"action": "upload", "files": [upload("scan.pdf", pdf_bytes)]}
        )
    if method != "get" and expected == 200:
        expected = 302
    assert response.status_code == expected
    if expected not in (200, 302):
        assert inquiry.reference.encode() not in response.content
    works = state == "valid"
    assert Message.objects.filter(direction="from_patient").exists() == (
        works and method == "post"
    )
    assert inquiry.files.count() == files + (1 if works and method == "upload" else 0)


def test_another_inquirys_token_never_opens_this_one(client, make_inquiry, coordinator):
    mine = make_inquiry()
    other = make_inquiry()
    __, token = patient_link_issue(inquiry=other, actor=coordinator)
    response = client.get(f"/my-inquiry/{token}/")
    assert other.reference.encode() in response.content
    assert mine.reference.encode() not in response.content
