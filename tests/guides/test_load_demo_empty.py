"""``load_demo`` into an empty database: a dry run saves nothing (here), and no
published password is used unless asked for (``test_load_demo_no_users.py``)."""

import pytest
from django.contrib.auth import get_user_model

from guides.models import Guide

from .test_load_demo import load_demo

pytestmark = pytest.mark.django_db


def test_dry_run_saves_nothing():
    """--dry-run reports the changes and rolls them back."""
    output = load_demo("--dry-run", "--users")
    assert "Dry run" in output
    assert not Guide.objects.exists()
    assert not get_user_model().objects.exists()
