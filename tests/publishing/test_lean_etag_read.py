"""A stored hit reads the page's ETag from Redis with one lean GET; a connection
the server dropped is never an error page: the full client reads it again."""

import uuid

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache

from publishing.store import _lean_get


@pytest.fixture
def redis_client(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": django_settings.TEST_REDIS_URL,
            "KEY_PREFIX": f"lean-get-{uuid.uuid4().hex}",
        }
    }
    yield cache._cache.get_client()
    cache.clear()


def test_the_lean_get_answers_what_the_client_answers(redis_client):
    key = f"lean-get-{uuid.uuid4().hex}"
    assert _lean_get(redis_client, key) is None
    redis_client.set(key, b'"etag"', ex=60)
    assert _lean_get(redis_client, key) == redis_client.get(key) == b'"etag"'


def test_a_dropped_connection_is_read_again_by_the_full_client(redis_client):
    key = f"lean-get-{uuid.uuid4().hex}"
    redis_client.set(key, b'"etag"', ex=60)
    pool = redis_client.connection_pool
    pooled = pool.get_connection()
    pooled.send_command("CLIENT", "ID")
    pooled_id = pooled.read_response()
    pool.release(pooled)
    other = redis.Redis.from_url(django_settings.TEST_REDIS_URL)
    other.client_kill_filter(_id=pooled_id)
    other.close()
    assert _lean_get(redis_client, key) == b'"etag"'
