"""A bare Django project (``startproject``'s settings and middleware) answering a
prebuilt page of a given size: what a static page costs in Django at all.

    DJANGO_SETTINGS_MODULE=bench.bare gunicorn bench.bare:application
"""

import os
from functools import lru_cache

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "benchmark-only-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
ROOT_URLCONF = "bench.bare"
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# Never opened: the page reads nothing.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
STATIC_URL = "static/"
USE_TZ = True


@lru_cache
def prebuilt(size: int) -> bytes:
    page = b"<!doctype html><title>bare</title><p>"
    return (page + b"x" * size)[:size]


def static_page(request, size):
    return HttpResponse(prebuilt(min(size, 10**6)), content_type="text/html")


urlpatterns = [path("<int:size>/", static_page)]

if os.environ.get("DJANGO_SETTINGS_MODULE") == "bench.bare":
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
