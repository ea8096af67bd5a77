"""Production settings insist on their secrets and pass Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Production settings on a SQLite URL, in subprocesses: the same on either engine.
pytestmark = pytest.mark.db_agnostic

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


# Production settings are read from a fresh import under each environment, all in
# one subprocess: a refusal is raised by that import, before Django starts, so
# this is what ``manage.py`` meets, for a fraction of a process each.
READ_SETTINGS = """
import importlib, json, os, sys
from django.core.exceptions import ImproperlyConfigured

results = []
for env, names in json.loads(sys.stdin.read()):
    os.environ.clear()
    os.environ.update(env)
    for module in [m for m in sys.modules if m.startswith("cancerfax.settings")]:
        del sys.modules[module]
    try:
        production = importlib.import_module("cancerfax.settings.production")
    except ImproperlyConfigured as error:
        results.append({"refused": str(error)})
    else:
        results.append({name: repr(getattr(production, name)) for name in names})
print(json.dumps(results))
"""


def production_settings(cases):
    """For each ``(env, names)``, the named settings' reprs under PRODUCTION_ENV
    plus ``env`` without the keys set to None, or ``{"refused": message}``."""
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    runs = [
        [
            {
                k: v
                for k, v in {**base, **PRODUCTION_ENV, **env}.items()
                if v is not None
            },
            names,
        ]
        for env, names in cases
    ]
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        input=json.dumps(runs),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


WEAK_SECRETS = ["short", "x" * 60, "django-insecure-" + "abcdefghij" * 5]
NOT_HTTPS = ["http://cancerfax.example.org", "cancerfax.example.org", "https://"]
REQUIRED = [
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "INQUIRY_ALERT_EMAIL",
    "SITE_URL",
    "CONTACT_EMAIL",
]
HSTS_OPTED_IN = {"SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1"}
CASES = {
    "as given": (
        {},
        ["SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "STAFF_OTP_REQUIRED"],
    ),
    "hsts opted in": (HSTS_OPTED_IN, ["SECURE_HSTS_PRELOAD"]),
    "otp switched off": ({"STAFF_OTP_REQUIRED": "0"}, ["STAFF_OTP_REQUIRED"]),
    **{f"secret {value}": ({"SECRET_KEY": value}, []) for value in WEAK_SECRETS},
    **{f"site {value}": ({"SITE_URL": value}, []) for value in NOT_HTTPS},
    **{f"without {name}": ({name: None}, []) for name in REQUIRED},
}


@pytest.fixture(scope="module")
def production():
    """What production settings hold, or the refusal, for each of CASES."""
    return dict(zip(CASES, production_settings(CASES.values()), strict=True))


def test_hsts_for_subdomains_and_preload_are_opt_in(production):
    assert production["as given"]["SECURE_HSTS_INCLUDE_SUBDOMAINS"] == "False"
    assert production["as given"]["SECURE_HSTS_PRELOAD"] == "False"
    assert production["hsts opted in"]["SECURE_HSTS_PRELOAD"] == "True"
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, **HSTS_OPTED_IN},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_requires_one_time_codes_for_staff(production):
    assert production["as given"]["STAFF_OTP_REQUIRED"] == "True"
    assert production["otp switched off"]["STAFF_OTP_REQUIRED"] == "True"


@pytest.mark.parametrize("secret", WEAK_SECRETS)
def test_production_refuses_a_weak_secret_key(production, secret):
    refusal = production[f"secret {secret}"]["refused"]
    assert "SECRET_KEY must be at least 50 random characters" in refusal


@pytest.mark.parametrize("url", NOT_HTTPS)
def test_production_refuses_a_site_url_that_is_not_https(production, url):
    refusal = production[f"site {url}"]["refused"]
    assert "SITE_URL must be the site's https address" in refusal


def test_every_page_sends_a_permissions_policy(client, db):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_required_value(production, missing):
    refusal = production[f"without {missing}"]["refused"]
    assert refusal == f"The environment variable {missing} must be set."


def test_manage_py_refuses_to_start_without_a_required_value():
    """The refusal read above is what stops ``manage.py`` itself."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set." in result.stderr
