"""The staff groups are rebuilt once after every migrate (or flush), with exactly
the permissions ``cancerfax.roles`` lists."""

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal

from cancerfax import roles

pytestmark = pytest.mark.django_db


def granted(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def test_post_migrate_rebuilds_every_group_once(monkeypatch):
    for group in Group.objects.all():
        group.permissions.clear()
    Group.objects.filter(name=roles.CLINICIAN).delete()
    calls = []
    real = roles.sync_roles
    monkeypatch.setattr(roles, "sync_roles", lambda: calls.append(1) or real())

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert len(calls) == 1
    for name, permissions in roles.ROLE_PERMISSIONS.items():
        assert granted(name) == set(permissions), name
