"""A stored hit is answered before the middleware an anonymous page does not need,
yet says the same in every header as the live page it stores."""

import uuid

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from faq.models import FaqEntry
from publishing.models import StoredPage
from publishing.registry import _PAGES
from tests.factories import FaqEntryFactory, SectionFactory, SectionItemFactory, approve

# One address of each page kind that is stored, from the demo content.
EXAMPLES = {
    "home": "/",
    "guides:list": "/guides/",
    "guides:detail": "/guides/what-is-cik-therapy/",
    "guides:indications": "/cancers/",
    "guides:indication": "/cancers/hepatocellular-carcinoma/",
    "faq:list": "/faq/",
}


def test_every_stored_page_kind_has_an_example(module_demo):
    """A kind registered later must be added here, so its headers are compared."""
    assert set(EXAMPLES) == _PAGES
    assert {resolve(path).view_name for path in EXAMPLES.values()} == _PAGES


def live_then_stored(client, path, **extra):
    StoredPage.objects.filter(path=path).delete()
    cache.clear()
    live = client.get(path, **extra)
    assert StoredPage.objects.filter(path=path).exists(), "the render was stored"
    stored = client.get(path, **extra)
    return live, stored


@pytest.mark.parametrize("path", EXAMPLES.values())
def test_a_stored_hit_has_every_header_of_the_live_page(client, module_demo, path):
    live, stored = live_then_stored(client, path)
    assert live.status_code == stored.status_code == 200
    assert stored.content == live.content
    assert dict(stored.headers) == dict(live.headers)
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Cross-Origin-Opener-Policy",
        "ETag",
    ):
        assert stored[name]


@pytest.mark.parametrize("path", EXAMPLES.values())
def test_with_hsts_on_a_stored_hit_carries_it_as_the_live_page_does(
    client, module_demo, settings, path
):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    live, stored = live_then_stored(client, path, secure=True)
    assert dict(stored.headers) == dict(live.headers)
    assert stored["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"


def test_a_stored_hit_never_opens_a_session_or_sets_a_cookie(client, module_demo):
    live, stored = live_then_stored(client, EXAMPLES["guides:detail"])
    assert not stored.cookies
    assert not hasattr(stored.wsgi_request, "session")
    assert not hasattr(stored.wsgi_request, "user")


@pytest.fixture
def redis_cache(settings):
    """The shared cache on Redis, with keys no other test or worker uses."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": django_settings.TEST_REDIS_URL,
            "KEY_PREFIX": f"stored-hit-{uuid.uuid4().hex}",
        }
    }
    yield
    cache.clear()


@pytest.mark.parametrize("path", EXAMPLES.values())
def test_with_a_shared_cache_a_stored_hit_costs_no_query(
    client, module_demo, redis_cache, path
):
    StoredPage.objects.filter(path=path).delete()
    live = client.get(path)
    client.get(path)  # the first hit copies the stored row into the shared cache
    with CaptureQueriesContext(connection) as queries:
        stored = client.get(path)
        not_modified = client.get(path, HTTP_IF_NONE_MATCH=stored["ETag"])
    assert stored.content == live.content
    assert not_modified.status_code == 304
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_a_signed_in_editor_gets_the_live_page_with_the_stored_copy_present(
    client, module_demo, medical_editor
):
    """Staff see previews and their own headers: a stored copy never reaches them."""
    path = EXAMPLES["guides:detail"]
    client.get(path)
    assert StoredPage.objects.filter(path=path).exists()
    client.force_login(medical_editor)
    response = client.get(path)
    assert "ETag" not in response
    assert response.wsgi_request.user == medical_editor


def test_with_a_shared_cache_an_approval_replaces_every_process_copy(
    client, module_demo, redis_cache
):
    """Each process keeps the body and asks Redis only for the ETag: an approval
    deletes it, so no process serves its old copy."""
    entry = FaqEntryFactory(answer="<p>The approved answer.</p>")
    approve(entry)
    section = SectionFactory(kind="faq", heading="Questions")
    SectionItemFactory(section=section, faq_entry=entry)
    approve(section.guide)
    path = section.guide.get_absolute_url()
    for _ in range(3):  # render, fill the shared cache, hit this process's copy
        assert "The approved answer." in client.get(path).text
    FaqEntry.objects.filter(pk=entry.pk).update(answer="<p>A newer answer.</p>")
    approve(FaqEntry.objects.get(pk=entry.pk))
    html = client.get(path).text
    assert "A newer answer." in html
    assert "The approved answer." not in html
