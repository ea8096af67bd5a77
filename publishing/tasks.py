"""Rendering stored pages again and purging shared caches, away from any visitor."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.utils import translation
from django_tasks import task

from .purging import purges_send_pending


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
    # Each request activates its page's language (LocaleMiddleware); the worker
    # thread goes back to its own afterwards, or the next task (an e-mail to a
    # coordinator) would speak the last page's language.
    with translation.override(translation.get_language()):
        return {
            path: handler.get_response(factory.get(path)).status_code for path in paths
        }


class PagesNotRendered(Exception):
    """Pages a worker could not render: the task is recorded as failed, where
    staff and the error tracker see it, instead of a success nobody reads."""


def _failed(statuses: dict[str, int]) -> dict[str, int]:
    # A page that is gone (404, 410) or moved is an answer; a refused host
    # (400: SITE_URL's host missing from ALLOWED_HOSTS) or an error is not.
    return {
        path: status
        for path, status in statuses.items()
        if status == 400 or status >= 500
    }


@task()
def pages_render(paths: list[str]) -> dict[str, int]:
    """Render ``paths`` again, on a task worker (enqueued after an approval)."""
    statuses = render_pages(paths)
    if failed := _failed(statuses):
        shown = ", ".join(f"{path} ({status})" for path, status in failed.items())
        raise PagesNotRendered(
            f"{len(failed)} of {len(statuses)} pages not rendered: {shown}"
        )
    return statuses


@task()
def edge_purge_send(ids: list[int]) -> dict:
    """Send these cache purges now (enqueued when the change commits)."""
    report = purges_send_pending(ids=ids)
    return {"purged": report.purged, "failed": report.failed}


@task()
def edge_purges_send_due(limit: int = 50) -> dict:
    """Send every purge that is due: those the first task missed, and retries
    of failures once their delay has passed. Scheduled every minute."""
    report = purges_send_pending(limit=limit)
    return {"purged": report.purged, "failed": report.failed}
