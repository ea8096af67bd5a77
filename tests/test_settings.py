"""Production settings insist on their secrets and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "DATABASE_URL": "sqlite:////tmp/cancerfax-deploy-check.sqlite3",
    "ALLOWED_HOSTS": "cancerfax.example.org",
    "INQUIRY_ALERT_EMAIL": "coordinators@cancerfax.example.org",
    "SITE_URL": "https://cancerfax.example.org",
    "CONTACT_EMAIL": "care@cancerfax.example.org",
    "DJANGO_SETTINGS_MODULE": "cancerfax.settings.production",
}


def manage(*args, env):
    # The test process allows async-unsafe calls for Playwright; a server never does.
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_has_zero_warnings_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def production_value(expression, **env):
    code = f"from django.conf import settings; print({expression})"
    result = manage("shell", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_hsts_for_subdomains_and_preload_are_opt_in():
    assert production_value("settings.SECURE_HSTS_INCLUDE_SUBDOMAINS") == "False"
    assert production_value("settings.SECURE_HSTS_PRELOAD") == "False"
    opted_in = {"SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1"}
    assert production_value("settings.SECURE_HSTS_PRELOAD", **opted_in) == "True"
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, **opted_in},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_requires_one_time_codes_for_staff():
    assert production_value("settings.STAFF_OTP_REQUIRED") == "True"
    assert production_value("settings.STAFF_OTP_REQUIRED", STAFF_OTP_REQUIRED="0") == (
        "True"
    )


@pytest.mark.parametrize(
    "secret", ["short", "x" * 60, "django-insecure-" + "abcdefghij" * 5]
)
def test_production_refuses_a_weak_secret_key(secret):
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters" in result.stderr


@pytest.mark.parametrize(
    "url", ["http://cancerfax.example.org", "cancerfax.example.org", "https://"]
)
def test_production_refuses_a_site_url_that_is_not_https(url):
    result = manage("check", env={**PRODUCTION_ENV, "SITE_URL": url})
    assert result.returncode != 0
    assert "SITE_URL must be the site's https address" in result.stderr


def test_every_page_sends_a_permissions_policy(client, db):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "DATABASE_URL",
        "ALLOWED_HOSTS",
        "INQUIRY_ALERT_EMAIL",
        "SITE_URL",
        "CONTACT_EMAIL",
    ],
)
def test_production_refuses_to_start_without_required_value(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set." in result.stderr
