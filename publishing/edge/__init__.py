"""Shared caches in front of the site, and how to make one forget pages.

A backend takes the addresses (paths such as ``/guides/what-is-cik-therapy/``)
whose stored page changed and makes the cache drop its copies, or raises
``PurgeError``. ``EDGE_PURGE_BACKEND`` chooses one; empty means no cache to purge.
"""

from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "http": "publishing.edge.http.HttpPurgeBackend",
    "cloudflare": "publishing.edge.cloudflare.CloudflareBackend",
    "cloudfront": "publishing.edge.cloudfront.CloudFrontBackend",
}


class PurgeError(Exception):
    """The cache did not confirm the purge; the message says what it answered."""


class PurgeBackend(Protocol):
    def purge(self, paths: list[str], *, reference: str) -> None:
        """Make the cache forget ``paths``. ``reference`` names this purge (the
        same on a retry), for APIs that refuse to do one request twice."""


def purge_backend_name() -> str:
    name = settings.EDGE_PURGE_BACKEND
    if name and name not in BACKENDS:
        raise ValueError(f"EDGE_PURGE_BACKEND must be empty or one of {list(BACKENDS)}")
    return name


def purge_backend(name: str) -> PurgeBackend:
    return import_string(BACKENDS[name])()


def site_host() -> str:
    """The host name patients use, as the cache keys its copies."""
    return urlsplit(settings.SITE_URL).netloc


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
