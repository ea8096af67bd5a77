"""Setting up codes needs the account's mailbox as well as its password, and
backup codes stand in for a lost phone, once each (issue 21: an account without a
device showed its TOTP secret to whoever held the password)."""

import base64
import re
import time
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cancerfax.models import StaffEnrolmentLink
from cancerfax.staff_auth import StaffTwoFactorMiddleware, staff_verified
from tests.test_staff_auth import current_code, sign_in

pytestmark = pytest.mark.django_db

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/"
BACKUP = "/admin/two-factor/backup-codes/"
LINK = re.compile(r"http://testserver(/admin/two-factor/enrol/\S+/)")


@pytest.fixture(autouse=True)
def codes_required(settings):
    settings.STAFF_OTP_REQUIRED = True


def password_session(user):
    client = Client()
    assert sign_in(client, user.email).status_code == 302
    return client


def verified_session(user):
    device = TOTPDevice.objects.create(user=user, name="phone")
    client = password_session(user)
    assert client.post(VERIFY, {"token": current_code(device)}).status_code == 302
    return client


def ask_for_link(client, mailoutbox):
    client.post(SETUP, {"send": "link"})
    return LINK.search(mailoutbox[-1].body)[1]


def secret_spellings(device):
    """The secret as the setup page would print it, and inside the QR's URL."""
    secret = base64.b32encode(device.bin_key).decode()
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return [secret.encode(), grouped.encode(), secret.rstrip("=").encode()]


def enrol(user, mailoutbox):
    """The whole set-up through the e-mailed link; returns the backup codes."""
    client = password_session(user)
    client.get(ask_for_link(client, mailoutbox))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(SETUP, {"token": current_code(device)})
    assert done.status_code == 200
    return client, re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())


def test_a_password_alone_never_sees_the_secret_or_the_qr_code(coordinator, mailoutbox):
    stranger = password_session(coordinator)  # knows the password, not the mailbox
    pages = [stranger.get(SETUP), stranger.post(SETUP, {"send": "link"})]
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    # The owner opens the link from the mailbox: a device and its secret now exist.
    owner = password_session(coordinator)
    owner.get(LINK.search(mailoutbox[-1].body)[1])
    device = TOTPDevice.objects.get(user=coordinator)
    assert any(s in owner.get(SETUP).content for s in secret_spellings(device))
    pages += [stranger.get(SETUP), stranger.post(SETUP, {"token": "123456"})]
    for response in pages:
        assert response.status_code == 200
        for spelling in secret_spellings(device):
            assert spelling not in response.content
        assert b"data:image/svg+xml" not in response.content
        assert b"otp-secret" not in response.content
    assert mailoutbox[0].to == ["coordinator@example.org"]


def test_the_emailed_link_works_once(coordinator, mailoutbox):
    client = password_session(coordinator)
    link = ask_for_link(client, mailoutbox)
    assert client.get(link)["Location"] == SETUP
    assert b"otp-secret" in client.get(SETUP).content
    again = password_session(coordinator).get(link)
    assert again.status_code == 400
    assert b"used or replaced" in again.content
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1


def test_a_newer_link_replaces_the_older_one(coordinator, mailoutbox, settings):
    settings.STAFF_OTP_ENROLMENT_RESEND_SECONDS = 0
    client = password_session(coordinator)
    older = ask_for_link(client, mailoutbox)
    newer = ask_for_link(client, mailoutbox)
    assert client.get(older).status_code == 400
    assert client.get(newer).status_code == 302


def test_a_password_alone_cannot_fill_the_owners_inbox(coordinator, mailoutbox):
    client = password_session(coordinator)
    ask_for_link(client, mailoutbox)
    for _ in range(5):
        response = client.post(SETUP, {"send": "link"})
        assert response.status_code == 200
        assert "Ask again in" in response.content.decode()
    assert len(mailoutbox) == 1
    # Once the pause is over, another link may be asked for.
    StaffEnrolmentLink.objects.update(
        created_at=timezone.now() - timedelta(seconds=121)
    )
    client.post(SETUP, {"send": "link"})
    assert len(mailoutbox) == 2


def test_backup_codes_are_not_shown_in_the_admin(superuser, client, settings):
    """django-otp's own admin would show every member's unused codes."""
    settings.STAFF_OTP_REQUIRED = False
    assert StaticDevice not in admin.site._registry
    assert StaticToken not in admin.site._registry
    client.force_login(superuser)
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_the_link_expires(coordinator, mailoutbox, monkeypatch, settings):
    client = password_session(coordinator)
    sent_at = time.time() - (settings.STAFF_OTP_ENROLMENT_HOURS + 1) * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: sent_at)
    link = ask_for_link(client, mailoutbox)
    monkeypatch.undo()
    response = client.get(link)
    assert response.status_code == 400 and b"expired" in response.content
    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def test_another_signed_in_user_cannot_use_the_link(
    coordinator, medical_editor, mailoutbox
):
    link = ask_for_link(password_session(coordinator), mailoutbox)
    other = password_session(medical_editor)
    refused = other.get(link)
    assert refused.status_code == 400 and b"another account" in refused.content
    assert b"otp-secret" not in other.get(SETUP).content
    assert not TOTPDevice.objects.exists()
    assert StaffEnrolmentLink.objects.get().used_at is None  # still the owner's
    assert password_session(coordinator).get(link).status_code == 302


def test_the_link_needs_the_password_too(coordinator, mailoutbox):
    link = ask_for_link(password_session(coordinator), mailoutbox)
    response = Client().get(link)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not TOTPDevice.objects.exists()


def test_a_backup_code_works_once_and_not_twice(coordinator, mailoutbox, settings):
    _client, codes = enrol(coordinator, mailoutbox)
    assert len(codes) == settings.STAFF_OTP_BACKUP_CODES == 10
    first = password_session(coordinator)
    used = first.post(VERIFY, {"token": codes[0].upper()}, follow=True)
    assert used.redirect_chain[-1][0] == "/admin/"
    assert "9 backup codes are left" in used.content.decode()
    assert first.get("/admin/").status_code == 200
    second = password_session(coordinator)
    refused = second.post(VERIFY, {"token": codes[0]})
    assert b"wrong or has expired" in refused.content
    assert second.get("/admin/").status_code == 302


def test_regenerating_backup_codes_replaces_the_old_ones(coordinator, mailoutbox):
    verified, old = enrol(coordinator, mailoutbox)
    assert b"You have 10 backup codes left." in verified.get(BACKUP).content
    new = re.findall(
        r"<li><code>(\w+)</code></li>", verified.post(BACKUP).content.decode()
    )
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10
    accepted = password_session(coordinator).post(VERIFY, {"token": new[0]})
    assert accepted.status_code == 302
    refused = password_session(coordinator).post(VERIFY, {"token": old[1]})
    assert b"wrong or has expired" in refused.content


def test_backup_codes_need_a_verified_session(coordinator, mailoutbox, settings):
    enrol(coordinator, mailoutbox)
    password_only = password_session(coordinator)
    for response in (password_only.get(BACKUP), password_only.post(BACKUP)):
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY)
    settings.STAFF_OTP_REQUIRED = False  # the dev server: still no codes
    assert password_only.post(BACKUP)["Location"].startswith(VERIFY)
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10


def test_a_superuser_resets_a_lost_device_and_a_new_link_is_sent(
    coordinator, superuser, mailoutbox
):
    enrol(coordinator, mailoutbox)
    admin = verified_session(superuser)
    admin.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [coordinator.pk]},
    )
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticToken.objects.filter(device__user=coordinator).exists()
    assert mailoutbox[-1].to == [coordinator.email]
    assert "administrator" in mailoutbox[-1].body
    client = password_session(coordinator)
    assert client.get("/admin/")["Location"].startswith(SETUP)
    assert client.get(LINK.search(mailoutbox[-1].body)[1]).status_code == 302
    assert b"otp-secret" in client.get(SETUP).content


def test_only_a_superuser_may_reset_two_factor(coordinator, review_lead, mailoutbox):
    review_lead.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    enrol(coordinator, mailoutbox)
    sent = len(mailoutbox)
    lead = verified_session(review_lead)
    assert lead.get("/admin/accounts/user/").status_code == 200
    lead.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [coordinator.pk]},
    )
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert len(mailoutbox) == sent


@pytest.mark.parametrize("required", [True, False])
@pytest.mark.parametrize("verified", [True, False])
def test_the_middleware_and_staff_verified_apply_one_rule(
    rf, coordinator, settings, required, verified
):
    settings.STAFF_OTP_REQUIRED = required
    coordinator.is_verified = lambda: verified
    request = rf.get("/admin/inquiries/inquiry/")
    request.user = coordinator
    needs_code = StaffTwoFactorMiddleware(lambda r: None).needs_code(request)
    assert needs_code is (not staff_verified(coordinator))
    assert needs_code is (required and not verified)


def test_the_code_prompt_takes_letters_and_the_set_up_asks_for_digits(
    coordinator, mailoutbox
):
    """Backup codes hold letters: a numeric keypad at the prompt would leave a
    member on a phone unable to type one. Setting up takes only the app's code."""
    client = password_session(coordinator)
    client.get(ask_for_link(client, mailoutbox))
    setup = client.get(SETUP).content.decode()
    assert 'inputmode="numeric"' in setup
    assert "Code the app now shows" in setup and "backup code" not in setup

    device = TOTPDevice.objects.create(user=coordinator, name="phone")
    prompt = password_session(coordinator).get(VERIFY).content.decode()
    assert device.pk and "or a backup code" in prompt
    assert 'name="token"' in prompt and "inputmode" not in prompt


def test_before_the_code_the_pages_list_no_admin_apps(coordinator, mailoutbox):
    """A password alone does not learn which apps the account may open."""
    device = TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    client = password_session(coordinator)
    prompt = client.get(VERIFY).content.decode()
    assert 'id="nav-sidebar"' not in prompt
    assert "/admin/inquiries/inquiry/" not in prompt
    # Once verified, the same kind of page has the sidebar again.
    client.post(VERIFY, {"token": current_code(device)})
    codes = client.get(BACKUP).content.decode()
    assert 'id="nav-sidebar"' in codes and "/admin/inquiries/inquiry/" in codes


def test_a_mail_server_that_is_down_loses_nothing_and_says_so(
    coordinator, superuser, mailoutbox, settings
):
    """No half-made link, no pause counted, no device removed: the member and
    the administrator are told to try again."""
    client, _codes = enrol(coordinator, mailoutbox)
    settings.EMAIL_BACKEND = "tests.inquiries.mailbackends.FailingBackend"
    admin = verified_session(superuser)
    links_before = StaffEnrolmentLink.objects.count()
    reset = admin.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [coordinator.pk]},
        follow=True,
    )
    assert "could not be sent" in reset.content.decode()
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert StaffEnrolmentLink.objects.count() == links_before

    newcomer = password_session(superuser.__class__.objects.create_user(
        email="new@example.org", password="correct horse battery staple",
        is_staff=True,
    ))  # fmt: skip
    asked = newcomer.post(SETUP, {"send": "link"})
    assert asked.status_code == 200
    assert "could not be sent just now" in asked.content.decode()
    assert not StaffEnrolmentLink.objects.filter(user__email="new@example.org")
    # The mail server is back: the link may be asked for at once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    newcomer.post(SETUP, {"send": "link"})
    assert mailoutbox[-1].to == ["new@example.org"]
