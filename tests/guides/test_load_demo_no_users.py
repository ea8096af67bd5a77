"""``load_demo`` without ``--users`` and with ``DEBUG`` off, into an empty
database: no account is made, so no published password is ever used unless
someone asks, and the demo's approvals are then recorded by nobody signed in.

The run checked is the one every test process makes for the demo content
(``tests/demo_fixtures.py``: ``demo_run``); each test's changes are rolled back
after it."""

import pytest
from django.contrib.auth import get_user_model

from guides.demo_review import PERSON, approve_demo_content
from guides.models import Guide
from reviews.models import Reviewer, ReviewRecord

pytestmark = pytest.mark.django_db


def test_no_users_when_debug_is_off_without_the_flag(module_demo):
    """Published passwords are never used unless someone asks for them."""
    assert Guide.objects.exists()
    assert not get_user_model().objects.exists()
    assert "--users" in module_demo


def test_the_demo_is_approved_without_demo_users(module_demo):
    assert ReviewRecord.objects.exists()
    assert approve_demo_content() == 0
    assert Reviewer.objects.get(name=PERSON["name"]).user is None
    assert not ReviewRecord.objects.exclude(recorded_by=None).exists()
