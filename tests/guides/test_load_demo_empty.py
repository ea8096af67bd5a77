"""``load_demo`` into an empty database: a dry run saves nothing, and no published
password is used unless asked for."""

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


def test_no_users_when_debug_is_off_without_the_flag(settings):
    """Published passwords are never used unless someone asks for them."""
    settings.DEBUG = False
    output = load_demo()
    assert Guide.objects.exists()
    assert not get_user_model().objects.exists()
    assert "--users" in output
