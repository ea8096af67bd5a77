"""Settings shared by every environment.

Values come from the environment. The defaults here are for a developer's machine
(SQLite under ``var/``, DEBUG on); ``production.py`` refuses to start without the
values that must never be guessed.
"""

import importlib.util
import os
from datetime import timedelta

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import BASE_DIR, VAR_DIR, env_bool, env_list

SECRET_KEY = os.environ.get(
    "SECRET_KEY", "development-only-key-never-use-in-production-0123456789abcdef"
)
DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "cancerfax.apps.CancerfaxAdminConfig",  # django.contrib.admin, the project's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text and trigram search on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
    "django_ckeditor_5",
    "nested_admin",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "cancerfax",
    "accounts",
    "publishing",
    "reviews",
    "topics",
    "faq",
    "trust",
    "glossary",
    "images",
    "guides",
    "search",
    "inquiries",
    "casework",
    "operations",
]

MIDDLEWARE = [
    # First: load balancers' probes (/healthz, /readyz) meet no redirect, host
    # check, session or sign-in rule (operations/health.py).
    "operations.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that looks the address up (stored pages, redirects, views).
    "cancerfax.middleware.NulByteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # What every response needs, a stored page too: the language (from the
    # address's /ar/ or /zh-hans/ prefix; a stored page is kept per address, so
    # per language), the host check and the security headers.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cancerfax.middleware.ContentSecurityPolicyMiddleware",
    "cancerfax.middleware.PermissionsPolicyMiddleware",
    # Stored pages are answered here, before the middleware that only visitors
    # with a session need (publishing/middleware.py).
    "publishing.middleware.StoredPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cancerfax.staff_auth.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cancerfax.middleware.DatabaseUnavailableMiddleware",
    # After the stored pages, so it sees the final 404 of any view.
    "cancerfax.redirects.OldAddressMiddleware",
    # django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]
# Around Django's WSGI application (cancerfax/wsgi.py), the first outermost: a
# stored patient page is answered again with what the middleware answered for the
# same request facts, without Django's request handling (publishing/wsgi.py).
WSGI_WRAPPERS = ["publishing.wsgi.StoredPageApplication"]

ROOT_URLCONF = "cancerfax.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cancerfax.context_processors.site",
                "trust.context_processors.trust_pages_context",
            ],
        },
    },
]

WSGI_APPLICATION = "cancerfax.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a safe embedded default. WAL lets readers run beside the one
    # writer; IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait
    # in turn (up to ``timeout`` seconds) instead of failing with "database is
    # locked" when a read transaction tries to become a write one.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every app server: the database by default (no extra service; the
# table is created by a migration), Redis when CACHE_URL names one.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
elif CACHE_URL in ("", "db://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cancerfax_cache",
        }
    }
else:
    raise ValueError(f"CACHE_URL must be empty, db:// or redis://..., not {CACHE_URL}")
# Rendered parts of pages, each under a key naming the approved snapshots it
# shows (publishing/templatetags/fragments.py): a key never outlives what it
# shows. Each process keeps its own, so a deploy with new templates starts empty.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Background work (Django's tasks API, django-tasks backport). "database" needs
# nothing but the database and ``manage.py db_worker``; "rq" uses Redis at
# REDIS_URL and ``manage.py rqworker``; "immediate" runs each task in the
# process that enqueues it (tests, or a laptop without a worker).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASK_BACKEND_CLASSES = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in TASK_BACKEND_CLASSES:
    raise ValueError(f"TASKS_BACKEND must be one of {sorted(TASK_BACKEND_CLASSES)}")
TASKS = {"default": {"BACKEND": TASK_BACKEND_CLASSES[TASKS_BACKEND]}}
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {"default": {"URL": REDIS_URL}}
if TASKS_BACKEND == "rq":
    # The RQ stack is an optional extra (requirements-rq.txt): say so at start-up
    # rather than fail on the first task.
    if importlib.util.find_spec("django_tasks_rq") is None:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs the RQ backend: pip install -r requirements-rq.txt"
        )
    INSTALLED_APPS.append("django_rq")

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator",
        # accounts.User has no username or first and last names.
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# English is the source language, with its own addresses (no prefix); each other
# language's public pages live under /<code>/ (cancerfax/urls.py). The code must
# be "en-gb", not "en": with "en" Django picks US formats (mm/dd/yyyy, 12-hour).
# Adding a language is a line here and a catalogue under locale/ (docs/public-site.md);
# the direction comes from Django's own list of right-to-left languages.
LANGUAGES = [
    ("en-gb", _("English")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Languages the e-mails to patients are written in beside the site's own: a
# patient who chose one gets their e-mails in it (a catalogue under locale/
# holding the e-mails' strings), while the pages stay in a site language.
PATIENT_EMAIL_LANGUAGES = [("es", _("Spanish"))]
FORMAT_MODULE_PATH = ["cancerfax.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Public media is deliberately not served: nothing patients upload lives here.
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

SITE_NAME = "CancerFax"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "CancerFax <care@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Staff accounts sign in with their e-mail address (accounts.User).
AUTH_USER_MODEL = "accounts.User"

LOGIN_URL = "admin:login"
# Where a sign-in with a missing or unsafe ``next`` lands (Django's default 404s).
LOGIN_REDIRECT_URL = "admin:index"

# --- Staff sign-in ---
# django-axes: the standalone backend first, its middleware last.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cancerfax.auth_backends.PermissionsInOneQueryBackend",
]
# Locked after this many failures for one e-mail address from one network address,
# or from one network address for any accounts, until the cool-off has passed.
# Never for an account from every address: a stranger who knows a sign-in name
# could then keep its owner out. Failures during the pause do not extend it, and
# a password reset by e-mail lifts it (cancerfax/staff_auth.py).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The sign-in form's field is "username" whatever the user model names it (axes
# would look for "email"); "Ada@X.org" and "ada@x.org" are one account, one count.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.auth.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "cancerfax.staff_auth.client_ip"
AXES_VERBOSE = False
# One-time codes (TOTP) for every staff account: production turns this on and
# cannot turn it off; the dev server's demo accounts sign in with a password.
STAFF_OTP_REQUIRED = env_bool("STAFF_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = "CancerFax"
# Setting up codes takes a link e-mailed to the account (never the password
# alone); it works once, for this many hours. Backup codes issued with a device:
STAFF_OTP_ENROLMENT_HOURS = 24
# A password alone may ask for a set-up link this often at most: it cannot fill
# the owner's inbox.
STAFF_OTP_ENROLMENT_RESEND_SECONDS = 120
STAFF_OTP_BACKUP_CODES = 10
# A staff session ends after this many seconds, however active.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))

# Contact details for pages that must work with the database down (500, 503).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "care@example.org")
CONTACT_PHONE = os.environ.get("CONTACT_PHONE", "")

# Browser features no page here uses are switched off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), usb=()"
)

# The admin and the public site send no third-party requests; CKEditor 5 works with
# 'self' only (checked in the browser tests).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

from .editor import *  # noqa: E402, F403

# The patient's secure link is a key carried in the path: the filter replaces it
# with "…" (cancerfax/log_redaction.py). On the loggers that print paths it
# changes the record before any handler sees it; on the handlers it catches the
# rest. Django's runserver handler is declared again to carry it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "secret_paths": {"()": "cancerfax.log_redaction.SecretPathFilter"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["secret_paths"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["secret_paths"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # "Not Found: /path", "Forbidden (CSRF cookie not set.): /path", and
        # runserver's request lines.
        "django.request": {"filters": ["secret_paths"]},
        "django.security.csrf": {"filters": ["secret_paths"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["secret_paths"],
        },
    },
}

ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")

# Errors go to Sentry when SENTRY_DSN is set, scrubbed of patient data first.
from cancerfax.error_tracking import error_tracking_init  # noqa: E402

# Inquiries, reviews and the schedule of background work.
from .product import *  # noqa: E402, F403

error_tracking_init()
