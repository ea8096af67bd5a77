"""Serve anonymous visitors the stored copy of a patient page.

A hit costs one query (none with a shared-memory cache) and no rendering. A miss
renders the page as usual, notes what it showed and stores it. Visitors with a
session (staff previewing, a patient part-way through the inquiry form) and any
request with a query string always get a live page.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.http import parse_etags

from .cache_control import cache_control
from .dependencies import collecting
from .registry import is_stored_page
from .store import generation, page_get, page_store


class StoredPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_store(request):
            return self.get_response(request)
        page = page_get(request.path)
        if page is None:
            return self._render_and_store(request)
        if page.etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(page.body, content_type=page.content_type)
        response["ETag"] = page.etag
        response["Last-Modified"] = page.last_modified
        response["Cache-Control"] = cache_control()
        return response

    @staticmethod
    def _may_store(request):
        if request.method not in ("GET", "HEAD") or request.GET:
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return is_stored_page(match.view_name)

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
        stored = False
        if storable:
            stored = page_store(
                path=request.path,
                body=response.content.decode(response.charset),
                content_type=response["Content-Type"],
                shown=shown,
                since_generation=since,
            )
        response["Cache-Control"] = cache_control(stored=stored)
        return response
