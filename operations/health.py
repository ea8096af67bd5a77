"""``/healthz`` and ``/readyz``: what a load balancer or an orchestrator asks.

``/healthz`` says the process answers (no database, nothing else). ``/readyz``
says whether this instance can serve: the database, the cache, the storage of
medical records and the task queue are each tried for real. A failure names the
check and nothing else (no host, path, version or error text: the answer may be
read by anyone who can reach the address); the detail goes to the log.

The middleware sits first: the probes never meet the HTTPS redirect, the host
check (a load balancer asks with the instance's IP address; neither answer
depends on the host), sessions, two-factor, sign-in lock-out, stored pages or
old-address redirects, and they set no cookie.
"""

import json
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpResponse
from django.utils.module_loading import import_string

from inquiries.files import private_storage

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("unexpected answer")


def check_cache():
    key = f"readyz:{secrets.token_hex(8)}"
    cache.set(key, "1", timeout=30)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not keep a value")


def check_storage():
    """Write, read back and delete a small file where medical records go."""
    storage = private_storage()
    name = storage.save(f"readyz/{secrets.token_hex(8)}", ContentFile(b"ready"))
    try:
        with storage.open(name) as stored:
            if stored.read() != b"ready":
                raise RuntimeError("the storage returned other bytes")
    finally:
        storage.delete(name)


def check_queue():
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == "django_tasks_db.DatabaseBackend":
        # The queue is a table: it must be there and answer.
        import_string("django_tasks_db.models.DBTaskResult").objects.exists()
    elif backend == "django_tasks_rq.RQBackend":
        from django_rq import get_connection

        get_connection("default").ping()
    # The immediate backend runs tasks in the request: nothing to reach.


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "queue": check_queue,
}


def failed_checks():
    """The names of the checks that failed, in the order of ``CHECKS``."""
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure means "not ready"
            logger.warning("Readiness check %s failed: %s", name, type(error).__name__)
            failed.append(name)
    return failed


def probe_response(status, body):
    response = HttpResponse(
        json.dumps(body), status=status, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path not in (HEALTH_PATH, READY_PATH):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = probe_response(405, {"status": "method not allowed"})
            response["Allow"] = "GET, HEAD"
            return response
        if path == HEALTH_PATH:
            return probe_response(200, {"status": "ok"})
        failed = failed_checks()
        if failed:
            return probe_response(503, {"status": "unavailable", "failed": failed})
        return probe_response(200, {"status": "ok"})
