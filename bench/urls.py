"""The site's URLs plus the static-limit view: a prebuilt page of a given size
answered through the same middleware, the ceiling any page here can approach."""

from functools import lru_cache

from django.http import HttpResponse
from django.urls import path

from cancerfax.urls import urlpatterns as site_urlpatterns


@lru_cache
def prebuilt(size: int) -> bytes:
    page = b"<!doctype html><title>static limit</title><p>"
    return (page + b"x" * size)[:size]


def static_limit(request, size):
    return HttpResponse(prebuilt(min(size, 10**6)), content_type="text/html")


urlpatterns = [
    path("bench/static-limit/<int:size>/", static_limit),
    *site_urlpatterns,
]
