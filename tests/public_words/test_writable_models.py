"""Every model a staff role may write is reviewed, part of reviewed content, or
allowlisted with a reason (``tests/public_words/policy.py``)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from cancerfax.roles import ROLE_PERMISSIONS
from tests.conftest import make_user

from .policy import (
    NOT_ON_PUBLIC_PAGES,
    PARTS_OF_REVIEWED,
    is_reviewed,
    role_writable_models,
    unaccounted,
)


def test_every_model_a_role_may_write_is_reviewed_or_kept_off_public_pages():
    assert unaccounted(role_writable_models()) == []


@pytest.fixture
def admin_writable(django_user_model) -> set[str]:
    """Labels of every model whose ModelAdmin lets some role add or change it
    (a ModelAdmin may grant more than the group's permissions, e.g. actions)."""
    writable = set()
    for role in ROLE_PERMISSIONS:
        request = RequestFactory().get("/")
        request.user = make_user(django_user_model, role[:12].replace(" ", "-"), role)
        for model, model_admin in admin.site._registry.items():
            if model_admin.has_add_permission(
                request
            ) or model_admin.has_change_permission(request):
                writable.add(model._meta.label)
    return writable


@pytest.mark.django_db
def test_every_model_a_role_may_write_in_the_admin_is_accounted_for(admin_writable):
    assert "guides.Guide" in admin_writable
    assert unaccounted(admin_writable) == []


def test_a_new_writable_model_neither_reviewed_nor_allowlisted_is_named():
    """The walk above fails for a model nobody has classified."""
    assert unaccounted({*role_writable_models(), "accounts.User"}) == ["accounts.User"]


@pytest.mark.django_db
def test_parts_belong_to_a_reviewed_model_and_the_lists_are_not_stale(
    admin_writable,
):
    writable = role_writable_models() | admin_writable
    assert all(is_reviewed(whole) for whole in PARTS_OF_REVIEWED.values())
    stale = {*PARTS_OF_REVIEWED, *NOT_ON_PUBLIC_PAGES}
    assert stale - writable == set()
    assert not any(is_reviewed(label) for label in NOT_ON_PUBLIC_PAGES)
