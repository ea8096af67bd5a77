"""Varnish or nginx: a ``PURGE`` (or ``BAN``) request per address to each cache.

The cache must accept these methods from the app servers only (the VCL in
docs/caching.md allows loopback and a named network). The Host header is the
site's, so the request names the same object a patient's request stored.
"""

import http.client
from urllib.parse import urlsplit

from django.conf import settings

from . import PurgeError, site_host

# 404: nginx's cache_purge answers so when it held no copy, which is what we want.
DONE = {200, 204, 404}


class HttpPurgeBackend:
    def __init__(self):
        self.caches = settings.EDGE_PURGE_URLS
        self.method = settings.EDGE_PURGE_METHOD
        if not self.caches:
            raise PurgeError("EDGE_PURGE_URLS names no cache to purge.")
        if self.method not in ("PURGE", "BAN"):
            raise PurgeError("EDGE_PURGE_METHOD must be PURGE or BAN.")

    def purge(self, paths, *, reference):
        for cache in self.caches:
            self._purge_one(cache, paths)

    def _purge_one(self, cache, paths):
        address = urlsplit(cache)
        kind = (
            http.client.HTTPSConnection
            if address.scheme == "https"
            else http.client.HTTPConnection
        )
        connection = kind(
            address.hostname,
            address.port,
            timeout=settings.EDGE_PURGE_TIMEOUT_SECONDS,
        )
        host = site_host()
        try:
            for path in paths:
                connection.request(self.method, path, headers={"Host": host})
                response = connection.getresponse()
                response.read()
                if response.status not in DONE:
                    raise PurgeError(
                        f"{cache} answered {response.status} {response.reason} "
                        f"to {self.method} {path}"
                    )
        except OSError as error:
            raise PurgeError(f"{cache}: {type(error).__name__}: {error}") from error
        finally:
            connection.close()
