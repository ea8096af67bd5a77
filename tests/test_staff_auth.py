"""Staff sign-in resists guessing: lockout, one-time codes, reset by e-mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cancerfax import roles

from .conftest import make_user, otp_wait_over

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.django_db


def sign_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def current_code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time += steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def test_failures_lock_the_account_from_that_address_even_with_the_right_password(
    client, coordinator, settings
):
    statuses = [
        sign_in(client, "coordinator@example.org", "wrong").status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = sign_in(client, "coordinator@example.org")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()


def test_a_stranger_cannot_lock_the_owner_out_from_another_address(
    client, coordinator, settings
):
    """Failures from the attacker's address pause that address, not the account:
    its owner, elsewhere, still signs in (issue 21: lock-out by a stranger)."""
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        sign_in(client, "COORDINATOR@example.org", "wrong", address="203.0.113.66")
    owner = sign_in(Client(), "coordinator@example.org", address="198.51.100.3")
    assert owner.status_code == 302


def test_failures_during_the_pause_do_not_extend_it(client, coordinator, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "coordinator@example.org", "wrong")
    paused_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        assert sign_in(client, "coordinator@example.org", "wrong").status_code == 429
    assert AccessAttempt.objects.get().attempt_time == paused_at
    AccessAttempt.objects.update(attempt_time=paused_at - timedelta(hours=1))
    assert sign_in(client, "coordinator@example.org").status_code == 302


def test_a_password_reset_by_email_lifts_the_pause(client, coordinator, mailoutbox):
    for _ in range(6):
        sign_in(client, "coordinator@example.org", "wrong")
    assert sign_in(client, "coordinator@example.org").status_code == 429
    owner = Client()
    owner.post("/admin/password-reset/", {"email": "coordinator@example.org"})
    link = re.search(
        r"http://testserver(/admin/password-reset/\S+/)", mailoutbox[0].body
    )[1]
    form = owner.get(link, follow=True)
    new = "a new long passphrase for staff"
    owner.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert sign_in(client, "coordinator@example.org", new).status_code == 302


def test_a_superuser_can_lift_a_pause_in_the_admin(client, coordinator, superuser):
    from axes.models import AccessAttempt

    for _ in range(5):
        sign_in(Client(), "coordinator@example.org", "wrong")
    attempt = AccessAttempt.objects.get(username="coordinator@example.org")
    client.force_login(superuser)
    page = client.get("/admin/axes/accessattempt/")
    assert (
        page.status_code == 200 and "coordinator@example.org" in page.content.decode()
    )
    client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert sign_in(Client(), "coordinator@example.org").status_code == 302


def test_repeated_failures_lock_the_address_for_every_username(
    client, coordinator, medical_editor, settings
):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{number}@example.org", "wrong")
    assert sign_in(client, "editor@example.org").status_code == 429
    assert (
        sign_in(Client(), "editor@example.org", address="198.51.100.4").status_code
        == 302
    )


def test_the_lockout_ends_after_the_cool_off(client, coordinator, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "coordinator@example.org", "wrong")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(hours=1)
    )
    assert sign_in(client, "coordinator@example.org").status_code == 302


def test_an_unsafe_next_falls_back_to_the_admin_index(client, coordinator):
    response = client.post(
        LOGIN,
        {
            "username": "coordinator@example.org",
            "password": PASSWORD,
            "next": "//evil.example",
        },
        REMOTE_ADDR="192.0.2.11",
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    "role", [roles.COORDINATOR, roles.MEDICAL_EDITOR, roles.MEDICAL_REVIEWER, None]
)
def test_every_staff_role_needs_a_code_when_required(
    client, django_user_model, settings, role
):
    settings.STAFF_OTP_REQUIRED = True
    user = make_user(django_user_model, "staffer", role)
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")


def test_setting_up_and_using_a_code(client, coordinator, settings, mailoutbox):
    settings.STAFF_OTP_REQUIRED = True
    assert sign_in(client, "coordinator@example.org").status_code == 302
    asked = client.post("/admin/two-factor/setup/", {"send": "link"})
    assert "otp-secret" not in asked.content.decode()
    link = re.search(
        r"http://testserver(/admin/two-factor/enrol/\S+/)", mailoutbox[0].body
    )
    assert client.get(link[1])["Location"] == "/admin/two-factor/setup/"
    page = client.get("/admin/two-factor/setup/?next=/admin/inquiries/inquiry/")
    assert "otp-secret" in page.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    wrong = client.post(
        "/admin/two-factor/setup/",
        {"token": "000000", "next": "/admin/inquiries/inquiry/"},
    )
    assert "does not match" in wrong.content.decode()
    otp_wait_over(coordinator)  # after a wrong code django-otp refuses any for 1 s
    done = client.post(
        "/admin/two-factor/setup/",
        {"token": current_code(device), "next": "/admin/inquiries/inquiry/"},
    )
    assert 'href="/admin/inquiries/inquiry/"' in done.content.decode()  # codes page
    assert client.get("/admin/inquiries/inquiry/").status_code == 200

    other = Client()
    sign_in(other, "coordinator@example.org")
    assert other.get("/admin/")["Location"].startswith("/admin/two-factor/?next=")
    refused = other.post("/admin/two-factor/", {"token": "123456"})
    assert "wrong or has expired" in refused.content.decode()
    otp_wait_over(coordinator)
    device.refresh_from_db()
    # A used code never works twice; the next one does.
    accepted = other.post("/admin/two-factor/", {"token": current_code(device, 1)})
    assert accepted["Location"] == "/admin/"


def test_the_dev_server_default_needs_no_code(client, coordinator, settings):
    assert settings.STAFF_OTP_REQUIRED is False
    assert sign_in(client, "coordinator@example.org").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_reset_a_forgotten_password_by_email(client, coordinator, mailoutbox):
    assert "/admin/password-reset/" in client.get(LOGIN).content.decode()
    response = client.post(
        "/admin/password-reset/", {"email": "coordinator@example.org"}
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    link = re.search(r"http://testserver(/admin/password-reset/\S+/)", message.body)[1]
    form = client.get(link, follow=True)
    new = "a new long passphrase for staff"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
    )
    assert done["Location"] == "/admin/password-reset/done/"
    assert sign_in(Client(), "coordinator@example.org", new).status_code == 302


def test_no_reset_mail_for_an_account_without_staff_status(
    client, django_user_model, mailoutbox
):
    make_user(django_user_model, "public")
    client.post("/admin/password-reset/", {"email": "public@example.org"})
    assert mailoutbox == []
    assert get_user_model().objects.filter(email="public@example.org").exists()


def test_sessions_expire(client, coordinator, settings):
    assert sign_in(client, "coordinator@example.org").status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


def test_a_draft_preview_needs_the_second_factor_where_codes_are_required(
    client, medical_editor, settings
):
    """A password alone shows no unreviewed words on the public address (issue
    21: two-factor guarded only /admin/); with a verified code the preview shows."""
    from .factories import GuideFactory

    settings.STAFF_OTP_REQUIRED = True
    draft = GuideFactory(title="Unreviewed draft guide")
    device = TOTPDevice.objects.create(user=medical_editor, name="phone")
    assert sign_in(client, "editor@example.org").status_code == 302
    assert client.get(draft.get_absolute_url()).status_code == 404
    verified = client.post("/admin/two-factor/", {"token": current_code(device)})
    assert verified.status_code == 302
    preview = client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Unreviewed draft guide" in preview.content.decode()
