"""Rendering stored pages again, away from any visitor's request."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django_tasks import task


def render_pages(paths) -> dict[str, int]:
    """Request each address as an anonymous visitor would; the middleware stores it.

    Returns the status code per address.
    """
    site = urlsplit(settings.SITE_URL)
    factory = RequestFactory(
        HTTP_HOST=site.netloc or "localhost", secure=site.scheme == "https"
    )
    handler = BaseHandler()
    handler.load_middleware()
    return {path: handler.get_response(factory.get(path)).status_code for path in paths}


@task()
def pages_render(paths: list[str]) -> dict[str, int]:
    """Render ``paths`` again, on a task worker (enqueued after an approval)."""
    return render_pages(paths)
