"""Serve anonymous visitors the stored copy of a patient page.

The middleware sits early in ``MIDDLEWARE``: after those that every response
needs (host check, security headers, CSP, language), before those an anonymous
page does not (sessions, authentication, CSRF, two-factor, messages, lockout). A
hit therefore costs about what a static page costs: one query, none with a shared
cache (Redis), no rendering and no session. A miss renders the page through the
rest of the stack as usual, notes what it showed and stores it. Visitors with a
session (staff previewing, a patient part-way through the inquiry form) and any
request with a query string always get a live page. A hit from this process's
copy is marked so that ``publishing.wsgi`` can answer the same request again
before Django.
"""

from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from .cache_control import cache_control
from .dependencies import collecting
from .registry import is_stored_page
from .store import STORED_HIT, generation, page_get, page_store


class StoredPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_store(request):
            return self.get_response(request)
        page, copied = page_get(request.path)
        if page is None:
            return self._render_and_store(request)
        if page.etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(page.body, content_type=page.content_type)
            if copied:
                # The steady hit, which publishing.wsgi replays for the same
                # page and request facts. Said in the WSGI environ (request.META
                # is that dict): a wrapper around Django's handler, such as the
                # error tracker's, returns another object than this response.
                request.META[STORED_HIT] = (request.path, page)
        self._validators(response, page)
        return response

    @staticmethod
    def _validators(response, page):
        response["ETag"] = page.etag
        response["Last-Modified"] = page.last_modified
        response["Cache-Control"] = cache_control()
        # The page depends on the session cookie (its absence chooses the
        # stored copy), as a live page says once the session was looked at.
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def _may_store(request):
        if request.method not in ("GET", "HEAD") or request.GET:
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return _is_stored_path(
            get_urlconf() or settings.ROOT_URLCONF, request.path_info
        )

    def _render_and_store(self, request):
        since = generation()
        with collecting() as shown:
            response = self.get_response(request)
        storable = (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and shown
        )
        page = None
        if storable:
            page = page_store(
                path=request.path,
                body=response.content.decode(response.charset),
                content_type=response["Content-Type"],
                shown=shown,
                since_generation=since,
            )
        if page is not None:
            self._validators(response, page)
        else:
            # Rendered while content changed: nobody may keep it.
            response["Cache-Control"] = cache_control(stored=False)
        return response


@lru_cache(maxsize=4096)
def _is_stored_path(urlconf, path_info):
    # Resolving an address cost a stored hit as much as the rest of it; the
    # answer for an address never changes while the URLconf stays the same.
    try:
        match = resolve(path_info, urlconf)
    except Resolver404:
        return False
    return is_stored_page(match.view_name)
