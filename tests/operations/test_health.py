"""``/healthz`` and ``/readyz`` answer load balancers: the process, then each
dependency, naming only the check that failed."""

import json

import pytest
from django.conf import settings as django_settings

from inquiries.files import private_storage
from tests.test_settings import PRODUCTION_ENV, manage

# Nothing listens on a port of this session's range that no test opens.
DEAD_REDIS = "redis://127.0.0.1:8299/0"


def answer(response):
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    return response.status_code, json.loads(response.content)


def test_healthz_answers_without_asking_the_database(client):
    # No django_db mark: any query would raise.
    response = client.get("/healthz")
    assert answer(response) == (200, {"status": "ok"})
    assert len(response.content) < 32


@pytest.mark.django_db
def test_readyz_is_ready_when_every_dependency_answers(client, database_tasks):
    assert answer(client.get("/readyz")) == (200, {"status": "ok"})


@pytest.mark.django_db
def test_readyz_names_only_the_cache_when_redis_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }
    response = client.get("/readyz")
    assert answer(response) == (503, {"status": "unavailable", "failed": ["cache"]})
    for identifying in (b"127.0.0.1", b"8299", b"Redis", b"Error", b"refused"):
        assert identifying not in response.content


@pytest.mark.django_db
def test_readyz_names_only_the_storage_when_the_records_folder_is_unwritable(
    client, settings, tmp_path
):
    # Root ignores file modes: a plain file where the folder should be is
    # unwritable for everyone.
    blocked = tmp_path / "not-a-folder"
    blocked.write_bytes(b"")
    settings.INQUIRY_PRIVATE_ROOT = blocked
    response = client.get("/readyz")
    assert answer(response) == (
        503,
        {"status": "unavailable", "failed": ["storage"]},
    )
    assert str(tmp_path).encode() not in response.content


@pytest.mark.django_db
def test_readyz_leaves_no_probe_file_behind(client, private_root):
    assert client.get("/readyz").status_code == 200
    assert [p for p in private_root.rglob("*") if p.is_file()] == []
    assert private_storage().listdir("readyz")[1] == []


@pytest.mark.django_db
def test_readyz_names_only_the_queue_when_the_rq_redis_is_down(client, settings):
    pytest.importorskip("django_tasks_rq")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": DEAD_REDIS}}
    assert answer(client.get("/readyz")) == (
        503,
        {"status": "unavailable", "failed": ["queue"]},
    )


@pytest.mark.django_db
def test_readyz_checks_the_rq_redis_when_it_answers(client, settings):
    pytest.importorskip("django_tasks_rq")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": django_settings.TEST_REDIS_URL}}
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_probes_ignore_host_https_redirect_and_an_unverified_staff_session(
    client, settings, coordinator
):
    """A load balancer asks over plain HTTP with the instance's IP address; a
    browser with a staff session that has not given its code is not redirected."""
    settings.ALLOWED_HOSTS = ["cancerfax.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.STAFF_OTP_REQUIRED = True
    client.force_login(coordinator)
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.0.7")
        assert answer(response)[0] == 200, path
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400


def test_probes_refuse_other_methods(client):
    response = client.post("/readyz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


PROBE = """
import json
from django.test import Client
client = Client(HTTP_HOST="10.0.0.7")
answers = {}
for path in ("/healthz", "/readyz"):
    response = client.get(path)
    answers[path] = [response.status_code, json.loads(response.content)]
print(json.dumps(answers))
"""


def probe_in_production(tmp_path, database_url):
    """The probes' answers under production settings, with Redis for the cache
    and the queue, asked with an IP address for a host, over plain HTTP."""
    result = manage(
        "shell",
        "-c",
        PROBE,
        env={
            **PRODUCTION_ENV,
            "DATABASE_URL": database_url,
            "INQUIRY_PRIVATE_ROOT": str(tmp_path / "private"),
            "CACHE_URL": django_settings.TEST_REDIS_URL,
            "TASKS_BACKEND": "rq",
            "REDIS_URL": django_settings.TEST_REDIS_URL,
        },
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.db_agnostic
def test_production_settings_answer_the_probes_of_a_load_balancer(tmp_path):
    pytest.importorskip("django_tasks_rq")
    answers = probe_in_production(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert answers == {
        "/healthz": [200, {"status": "ok"}],
        "/readyz": [200, {"status": "ok"}],
    }


@pytest.mark.db_agnostic
def test_readyz_names_only_the_database_when_it_cannot_be_reached(tmp_path):
    pytest.importorskip("django_tasks_rq")
    answers = probe_in_production(
        tmp_path, "postgres://postgres@127.0.0.1:8298/cancerfax"
    )
    assert answers == {
        "/healthz": [200, {"status": "ok"}],
        "/readyz": [503, {"status": "unavailable", "failed": ["database"]}],
    }
