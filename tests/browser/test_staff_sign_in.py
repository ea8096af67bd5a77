"""In Chromium: guessing a password locks sign-in; staff then need a one-time code."""

import base64
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.conftest import otp_wait_over

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def code_for(secret: str, steps_ahead: int = 0) -> str:
    totp = TOTP(base64.b32decode(secret.replace(" ", "")))
    totp.time += steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in(page, url, password):
    page.goto(f"{url}/admin/login/?next=/admin/inquiries/inquiry/")
    page.fill("#id_username", "coordinator@example.org")
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def test_lockout_then_a_one_time_code_for_staff(
    live_server, page, coordinator, settings, mailoutbox
):
    settings.STAFF_OTP_REQUIRED = True
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(page, live_server.url, f"guess number {attempt}")
    expect(page.locator("h1", has_text="Sign-in paused")).to_be_visible()
    sign_in(page, live_server.url, PASSWORD)  # the right one, too late
    expect(page.locator("h1", has_text="Sign-in paused")).to_be_visible()
    assert "Inquiries" not in page.content()

    # The cool-off passes.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(hours=1)
    )
    sign_in(page, live_server.url, PASSWORD)
    page.wait_for_url("**/admin/two-factor/setup/**")
    # The password alone shows no secret: the set-up link comes by e-mail.
    assert page.locator("#otp-secret").count() == 0
    page.get_by_role("button", name="E-mail me a set-up link").click()
    expect(page.locator("#otp-link-sent")).to_be_visible()
    link = re.search(r"http://\S+(/admin/two-factor/enrol/\S+/)", mailoutbox[0].body)
    page.goto(live_server.url + link[1])
    page.wait_for_url("**/admin/two-factor/setup/")
    expect(page.get_by_role("img", name="QR code with the key below")).to_be_visible()
    secret = page.locator("#otp-secret").inner_text()
    page.get_by_label("Code the app now shows").fill(code_for(secret))
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#otp-backup-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    page.wait_for_url("**/admin/**")

    page.context.clear_cookies()
    sign_in(page, live_server.url, PASSWORD)
    page.wait_for_url("**/admin/two-factor/?next=*")
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("That code is wrong or has expired")).to_be_visible()
    otp_wait_over(coordinator)  # django-otp refuses any code a second after a wrong one
    page.get_by_label("Code from your authenticator app").fill(code_for(secret, 1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/inquiries/inquiry/")
    expect(page.locator("#result_list, .paginator").first).to_be_visible()
