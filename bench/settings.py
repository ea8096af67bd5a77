"""Production settings for benchmarks on loopback: plain HTTP, a test secret,
and a header with the SQL count of each response (``bench.middleware``)."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("INQUIRY_ALERT_EMAIL", "bench@example.org")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Production insists on both; nothing is sent or linked during a benchmark.
os.environ.setdefault("SITE_URL", "https://localhost")
os.environ.setdefault("CONTACT_EMAIL", "bench@example.org")

from cancerfax.settings.production import *  # noqa: E402, F403
from cancerfax.settings.production import MIDDLEWARE  # noqa: E402

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.count_queries", *MIDDLEWARE]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
# Every request comes from 127.0.0.1: the per-connection limits would refuse.
INQUIRY_RATE_LIMIT = 10**9
INQUIRY_RATE_LIMIT_FILES = 10**9
