import pytest
from django.utils import timezone

from cancerfax import roles
from reviews.admin_content import FINGERPRINT, content_fingerprint, reviewed_snapshot
from reviews.models import ContentVersion
from tests.conftest import make_user
from tests.factories import ReviewerFactory


@pytest.fixture
def reviewer_profile(medical_reviewer):
    """The medical reviewer's own reviewer profile, as patients see it."""
    return ReviewerFactory(
        name="Dr Ada Lovelace", credentials="MBBS, FRCP", user=medical_reviewer
    )


@pytest.fixture
def other_reviewer(django_user_model):
    user = make_user(django_user_model, "reviewer2", roles.MEDICAL_REVIEWER)
    return ReviewerFactory(name="Dr Grace Hopper", credentials="MD, PhD", user=user)


def latest_version(obj):
    return ContentVersion.objects.of(obj).order_by("-number").first()


def faq_form(entry, **changes):
    """The FAQ admin form's data for ``entry``, with ``changes``, as posted from
    a page loaded now (with the fingerprint of what it showed)."""
    shown = type(entry)._default_manager.get(pk=entry.pk)
    data = {
        FINGERPRINT: content_fingerprint(reviewed_snapshot(shown)),
        "question": entry.question,
        "slug": entry.slug,
        "topic": entry.topic_id,
        "order": entry.order,
        "status": entry.status,
        "answer": entry.answer,
    }
    return {**data, **changes}


def review_form(reviewers, action, **extra):
    return {
        "reviewers": [r.pk for r in reviewers],
        "reviewed_on": extra.pop("reviewed_on", timezone.localdate().isoformat()),
        "next_review_due": "",
        "evidence_checked": "",
        "notes": "",
        "action": action,
        **extra,
    }
