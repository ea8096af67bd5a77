"""Production settings: every secret and host comes from the environment.

Missing values stop the process at start-up instead of falling back to the
development defaults in ``base``.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env_bool, env_list


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def secret_key():
    # The same test as Django's security.W009: long, varied, not a generated
    # development key.
    value = required("SECRET_KEY")
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "SECRET_KEY must be at least 50 random characters (for example: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    return value


def site_url():
    # Alert e-mails link here: a wrong value sends coordinators elsewhere.
    value = required("SITE_URL").rstrip("/")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            "SITE_URL must be the site's https address, e.g. https://cancerfax.org"
        )
    return value


SECRET_KEY = secret_key()
SITE_URL = site_url()
required("DATABASE_URL")  # base parsed it; here we only insist it was given.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [required("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DEBUG = False

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
# Both bind every subdomain (and, for preload, browsers' built-in lists) to
# HTTPS for a long time: a decision for whoever owns the domain, so opt-in.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Not opting in is deliberate: silence the two deploy checks that nag about it.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Every staff account signs in with a one-time code as well; no setting turns
# this off in production.
STAFF_OTP_REQUIRED = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# Shown on the error pages when the database is down: must be real.
CONTACT_EMAIL = required("CONTACT_EMAIL")

# --- Inquiries ---
# Alerts for new inquiries must reach a real mailbox: no example.org default here.
INQUIRY_ALERT_EMAIL = env_list("INQUIRY_ALERT_EMAIL") or [
    required("INQUIRY_ALERT_EMAIL")
]

# --- Edge caching (docs/caching.md) ---
EDGE_PURGE_REQUIRES = {
    "": [],
    "http": ["EDGE_PURGE_URLS"],
    "cloudflare": ["EDGE_PURGE_CLOUDFLARE_ZONE", "EDGE_PURGE_CLOUDFLARE_TOKEN"],
    "cloudfront": ["EDGE_PURGE_CLOUDFRONT_DISTRIBUTION"],
}


def edge_purge_backend():
    # A shared cache told to keep pages with nothing to purge it would show
    # patients a replaced page until s-maxage runs out: refuse to start instead.
    name = os.environ.get("EDGE_PURGE_BACKEND", "").strip().lower()
    if name not in EDGE_PURGE_REQUIRES:
        raise ImproperlyConfigured(
            "EDGE_PURGE_BACKEND must be empty, http, cloudflare or cloudfront."
        )
    for variable in EDGE_PURGE_REQUIRES[name]:
        required(variable)
    if name == "http" and os.environ.get("EDGE_PURGE_METHOD", "PURGE").upper() not in (
        "PURGE",
        "BAN",
    ):
        raise ImproperlyConfigured("EDGE_PURGE_METHOD must be PURGE or BAN.")
    if not name and int(os.environ.get("EDGE_CACHE_S_MAXAGE", "0")) > 0:
        raise ImproperlyConfigured(
            "EDGE_CACHE_S_MAXAGE lets a shared cache keep pages: set "
            "EDGE_PURGE_BACKEND so that approvals purge them."
        )
    return name


EDGE_PURGE_BACKEND = edge_purge_backend()
