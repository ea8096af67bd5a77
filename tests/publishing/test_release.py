"""A page stored by another release (its templates, styles or code) is not
served: the next visit renders it with this release and stores it in its place."""

import pytest

from publishing import release as release_module
from publishing import store
from publishing.models import StoredPage
from tests.factories import FaqEntryFactory, approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_release(monkeypatch):
    """Switch to another release, as a deploy would, in this process."""

    def switch(name):
        monkeypatch.setenv("RELEASE", name)
        release_module.release.cache_clear()
        store._copies.clear()  # a new release starts new processes

    yield switch
    release_module.release.cache_clear()


def test_a_page_stored_by_another_release_is_rendered_again(client, next_release):
    approve(FaqEntryFactory(question="Is CIK therapy safe?"))
    next_release("one")
    first = client.get("/faq/")
    stored = StoredPage.objects.get(path="/faq/")
    assert first["ETag"] == stored.etag
    assert client.get("/faq/")["ETag"] == stored.etag  # a stored hit

    # The same body under the new release: the old row is not its page.
    StoredPage.objects.filter(pk=stored.pk).update(body=stored.body + "<!-- old -->")
    next_release("two")
    assert store.page_get("/faq/") == (None, False)
    again = client.get("/faq/")
    restored = StoredPage.objects.get(path="/faq/")
    assert "<!-- old -->" not in again.content.decode()
    assert restored.etag == again["ETag"] != stored.etag
    assert store.page_get("/faq/")[0].etag == restored.etag


def test_without_a_name_the_release_follows_the_files(monkeypatch, tmp_path, settings):
    monkeypatch.delenv("RELEASE", raising=False)
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>one</p>")
    settings.BASE_DIR = tmp_path
    release_module.release.cache_clear()
    try:
        first = release_module.release()
        page.write_text("<p>two</p>")
        release_module.release.cache_clear()
        assert release_module.release() != first
    finally:
        release_module.release.cache_clear()
