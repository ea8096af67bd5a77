"""Cloudflare: its API's purge by URL (``POST /zones/{zone}/purge_cache``).

The token needs the zone's "Cache Purge" permission and nothing else.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings

from . import PurgeError, site_url

# Cloudflare takes at most 30 URLs per call on most plans.
URLS_PER_CALL = 30


class CloudflareBackend:
    def __init__(self):
        self.zone = settings.EDGE_PURGE_CLOUDFLARE_ZONE
        self.token = settings.EDGE_PURGE_CLOUDFLARE_TOKEN
        if not (self.zone and self.token):
            raise PurgeError(
                "EDGE_PURGE_CLOUDFLARE_ZONE and EDGE_PURGE_CLOUDFLARE_TOKEN must be "
                "set."
            )
        self.endpoint = (
            f"{settings.EDGE_PURGE_CLOUDFLARE_API.rstrip('/')}"
            f"/zones/{self.zone}/purge_cache"
        )

    def purge(self, paths, *, reference):
        urls = [site_url(path) for path in paths]
        for start in range(0, len(urls), URLS_PER_CALL):
            self._call(urls[start : start + URLS_PER_CALL])

    def _call(self, urls):
        request = urllib.request.Request(  # noqa: S310 - https from settings
            self.endpoint,
            data=json.dumps({"files": urls}).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(  # noqa: S310
                request, timeout=settings.EDGE_PURGE_TIMEOUT_SECONDS
            ) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise PurgeError(
                f"Cloudflare answered {error.code}: {_errors(error)}"
            ) from error
        except (OSError, ValueError) as error:
            raise PurgeError(f"Cloudflare: {type(error).__name__}: {error}") from error
        if not answer.get("success"):
            raise PurgeError(f"Cloudflare refused: {answer.get('errors')}")


def _errors(error):
    try:
        return json.loads(error.read()).get("errors")
    except (OSError, ValueError, AttributeError):
        return error.reason
