"""``load_demo`` without ``--users`` and with ``DEBUG`` off, into an empty
database: no account is made, so no published password is ever used unless
someone asks, and the demo's approvals are then recorded by nobody signed in.

One run for the module; each test's changes are rolled back after it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from guides.demo_review import PERSON, approve_demo_content
from guides.models import Guide
from reviews.models import Reviewer, ReviewRecord

from .test_load_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def output(module_db, django_db_blocker):
    """What the run printed."""
    assert module_db
    with django_db_blocker.unblock(), override_settings(DEBUG=False):
        return load_demo()


def test_no_users_when_debug_is_off_without_the_flag(output):
    """Published passwords are never used unless someone asks for them."""
    assert Guide.objects.exists()
    assert not get_user_model().objects.exists()
    assert "--users" in output


def test_the_demo_is_approved_without_demo_users(output):
    assert ReviewRecord.objects.exists()
    assert approve_demo_content() == 0
    assert Reviewer.objects.get(name=PERSON["name"]).user is None
    assert not ReviewRecord.objects.exclude(recorded_by=None).exists()
