import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# pytest-xdist runs the suite in several processes ("gw0", "gw1", ...): each gets
# its own media folder and Redis database so that no worker empties another's.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
MEDIA_ROOT = VAR_DIR / f"test-media-{TEST_WORKER}"
IMAGE_ROOT = VAR_DIR / f"test-images-{TEST_WORKER}"

# Tasks run where they are enqueued (after the commit), so a test sees their
# effect at once. Tests of the queue itself switch to the database backend and
# run real workers.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def worker_redis_url(base, worker):
    """``base`` with its database number moved on by the worker's number."""
    root, _, number = base.rpartition("/")
    return f"{root}/{int(number or 0) + int(worker.removeprefix('gw'))}"


# The Redis tests (RQ queue, shared cache) use their own Redis database, away from
# development's: TEST_REDIS_URL's, plus the xdist worker's number.
TEST_REDIS_URL = worker_redis_url(
    os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/8"), TEST_WORKER
)
RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL}}

# Live-server threads must not keep connections open past a test: PostgreSQL then
# refuses to drop the test database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's shared in-memory database: live-server threads then
    # open connections of their own and meet real SQLite locking, as in
    # production.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

# AVIF takes the longest of the formats to encode, and every approval of a demo
# picture makes its renditions: tests/images/test_review_and_pages.py switches it
# on where AVIF itself is tested.
IMAGE_AVIF = False
