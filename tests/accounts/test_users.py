"""Staff accounts sign in by e-mail and sign with a name and credentials."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client, RequestFactory

from accounts.models import User
from cancerfax import roles

from ..conftest import make_user

PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.django_db


def test_the_project_uses_the_accounts_user():
    assert get_user_model() is User
    assert User.USERNAME_FIELD == "email"


def test_an_address_is_one_account_however_it_is_spelt():
    user = User.objects.create_user(" Ada.Osei@Example.ORG ", PASSWORD)
    assert user.email == "ada.osei@example.org"
    request = RequestFactory().post("/admin/login/")
    signed_in = authenticate(
        request, username="ADA.OSEI@example.org", password=PASSWORD
    )
    assert signed_in == user
    with pytest.raises(ValidationError) as form_check:
        User(email="Ada.Osei@example.org").full_clean(exclude=["password"])
    assert list(form_check.value.message_dict) == ["email"]
    with pytest.raises(ValidationError):
        User(email="ADA.osei@example.org").validate_constraints()
    # Past the manager, the database's own constraint still refuses it.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ADA.OSEI@EXAMPLE.ORG")


def test_a_superuser_is_created_by_e_mail_from_the_command_line(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command(
        "createsuperuser", "--noinput", "--email", "Root@Example.org", verbosity=0
    )
    root = User.objects.get(email="root@example.org")
    assert root.is_superuser and root.is_staff and root.check_password(PASSWORD)


def test_the_signature_carries_the_name_and_credentials():
    user = User(email="amara@example.org")
    assert user.get_signature() == user.get_display_name() == "amara@example.org"
    user.display_name, user.credentials = "Dr Amara Okafor", "MD, FRCP"
    assert user.get_signature() == "Dr Amara Okafor, MD, FRCP"
    assert str(user) == user.get_full_name() == "Dr Amara Okafor"


def test_staff_sign_in_with_any_spelling_of_their_address(client, coordinator):
    response = client.post(
        "/admin/login/",
        {"username": "Coordinator@EXAMPLE.org", "password": PASSWORD, "next": "/"},
        REMOTE_ADDR="192.0.2.20",
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_failures_in_any_spelling_count_against_one_account(coordinator, settings):
    """Counted per account and address (issue 21): the spellings are one account,
    so the pause comes at the limit, for every spelling, from that address."""
    settings.AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
    spellings = ["coordinator@example.org", "Coordinator@Example.org"]
    for number in range(settings.AXES_FAILURE_LIMIT):
        Client().post(
            "/admin/login/",
            {"username": spellings[number % 2], "password": "wrong"},
            REMOTE_ADDR="192.0.2.30",
        )
    locked = Client().post(
        "/admin/login/",
        {"username": "COORDINATOR@example.org", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.30",
    )
    assert locked.status_code == 429


def test_an_administrator_adds_an_account_in_the_admin(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "New.Clinician@example.org",
            "display_name": "Dr New Clinician",
            "credentials": "MBBS",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    added = User.objects.get(email="new.clinician@example.org")
    assert added.get_signature() == "Dr New Clinician, MBBS"
    change = client.get(f"/admin/accounts/user/{added.pk}/change/")
    assert change.status_code == 200
    assert "Dr New Clinician" in change.content.decode()
    listing = client.get("/admin/accounts/user/", {"q": "clinician"})
    assert "new.clinician@example.org" in listing.content.decode()


def test_a_role_is_given_through_its_group(django_user_model):
    user = make_user(django_user_model, "lead2", roles.REVIEW_LEAD)
    assert user.has_perm("reviews.change_reviewer")
    assert not user.has_perm("inquiries.view_inquiry")


def test_a_password_like_the_account_name_is_refused():
    from django.contrib.auth.password_validation import validate_password

    user = User(email="clinic-7@example.org", display_name="Amara Okafor")
    with pytest.raises(ValidationError, match="too similar"):
        validate_password("AmaraOkafor2026", user)
    validate_password(PASSWORD, user)
