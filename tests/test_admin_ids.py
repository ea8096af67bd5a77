"""An id no integer column can hold gets a clear answer from the admin, never a 500.

Since Django 5.0 ``exact`` treats such a value as matching nothing but ``in`` sends
it to the database (OverflowError on SQLite, an operator error on PostgreSQL); the
admin fuzz test found ``groups=99999999999999999999999`` crashing the user admin.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory

from cancerfax import roles
from cancerfax.admin_ids import IdsInRangeAdminMixin
from cancerfax.ids import IdsInRangeField
from tests.conftest import make_user

HUGE = "99999999999999999999999"
GROUPS = "/admin/auth/group/"
# The project's apps (each has an apps.py), whatever apps are added later.
PACKAGES = {path.parent.name for path in Path(__file__).parent.parent.glob("*/apps.py")}
pytestmark = pytest.mark.django_db


@pytest.fixture
def root(client, django_user_model):
    user = make_user(django_user_model, "root", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("impossible", [HUGE, f"-{HUGE}"])
def test_a_form_posting_an_impossible_id_shows_an_error_and_saves_nothing(
    client, root, impossible
):
    permission = Permission.objects.first()
    response = client.post(
        f"{GROUPS}add/", {"name": "Readers", "permissions": [permission.pk, impossible]}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["permissions"] == [f"“{impossible}” is not a valid value."]
    assert not Group.objects.filter(name="Readers").exists()

    response = client.post(
        f"{GROUPS}add/", {"name": "Readers", "permissions": [permission.pk]}
    )
    assert response.status_code == 302  # a possible id still saves
    assert list(Group.objects.get(name="Readers").permissions.all()) == [permission]


def test_a_change_list_filtered_by_an_impossible_id_is_an_incorrect_lookup(
    client, root
):
    coordinator = Group.objects.get(name=roles.COORDINATOR)
    for query in (f"id__in={HUGE},{coordinator.pk}", f"id={HUGE}", f"id__gt={HUGE}"):
        response = client.get(f"{GROUPS}?{query}")
        assert response.status_code == 302, query
        assert response.url == f"{GROUPS}?e=1"  # the admin's "wrong filter" page
    response = client.get(f"{GROUPS}?id__in={coordinator.pk}")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [coordinator]


def test_an_action_on_an_impossible_id_acts_on_the_real_rows_only(client, root):
    coordinator = Group.objects.get(name=roles.COORDINATOR)
    ticked = {"action": "delete_selected", "_selected_action": [HUGE]}
    response = client.post(GROUPS, ticked, follow=True)
    assert response.status_code == 200
    assert "Items must be selected" in response.content.decode()

    ticked["_selected_action"].append(coordinator.pk)
    response = client.post(GROUPS, ticked)
    assert response.status_code == 200  # the confirmation page, for the real group
    assert list(response.context["queryset"]) == [coordinator]
    assert Group.objects.filter(pk=coordinator.pk).exists()


def test_every_admin_on_the_site_refuses_impossible_ids(root):
    """The site wraps every admin, the stock auth ones and any added later."""
    request = RequestFactory().get("/")
    request.user = root
    checked = 0
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, IdsInRangeAdminMixin), model._meta.label
        for field in model._meta.many_to_many:
            formfield = model_admin.formfield_for_dbfield(field, request)
            if isinstance(formfield, forms.ModelMultipleChoiceField):
                assert isinstance(formfield, IdsInRangeField), field
                checked += 1
    assert checked >= 3  # at least the user's groups and permissions, a group's


def project_forms(form_class=forms.BaseForm):
    for subclass in form_class.__subclasses__():
        if subclass.__module__.split(".")[0] in PACKAGES:
            yield subclass
        yield from project_forms(subclass)


def test_every_multiple_choice_of_rows_a_project_form_declares_refuses_them():
    import_module(settings.ROOT_URLCONF)  # every page's forms
    declared = {
        f"{form.__module__}.{form.__name__}.{name}": type(field)
        for form in project_forms()
        for name, field in form.declared_fields.items()
        if isinstance(field, forms.ModelMultipleChoiceField)
    }
    assert {
        "guides.forms.GuideForm.citations",
        "reviews.forms.ReviewForm.reviewers",
        "casework.forms.AssessmentForm.suggested_centres",
    } <= set(declared)
    plain = {name for name, kind in declared.items() if kind is not IdsInRangeField}
    assert plain == set()


@pytest.mark.parametrize("posted", [HUGE, ":", "-1"])
def test_an_autocomplete_shown_again_with_an_impossible_id_is_not_a_500(
    client, root, posted
):
    """Django's autocomplete looked a posted id up as it was to show it again on
    the page with errors (the admin fuzz test found ``lead_image=:`` crashing
    the guide editor); the field reports it, and the page shows no choice."""
    from tests.factories import GuideFactory

    guide = GuideFactory()
    url = f"/admin/guides/guide/{guide.pk}/change/"
    response = client.post(url, {"title": "", "lead_image": posted, "_save": "Save"})
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "lead_image" in form.errors
