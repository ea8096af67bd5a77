"""The site's URLs plus the static-limit view: a prebuilt page of a given size
answered through the same middleware, the ceiling any page here can approach."""

from django.http import HttpResponse
from django.urls import path

from cancerfax.urls import urlpatterns as site_urlpatterns

STATIC_LIMIT_BYTES = int(__import__("os").environ.get("BENCH_STATIC_BYTES", "11000"))
PREBUILT = (b"<!doctype html><title>static</title><p>" + b"x" * STATIC_LIMIT_BYTES)[
    :STATIC_LIMIT_BYTES
]


def static_limit(request):
    return HttpResponse(PREBUILT, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/static-limit/", static_limit), *site_urlpatterns]
