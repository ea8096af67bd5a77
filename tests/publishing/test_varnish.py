"""A real Varnish (Debian's package) in front of the live server, with the
project's VCL: it serves stored pages without reaching the app, and an approval
purges them so the next request shows the new words."""

import http.client
import os
from urllib.parse import urlsplit

import pytest
from django.core.signals import request_started

from publishing.edge.varnish import varnish, varnishd_path
from publishing.models import EdgePurge
from tests.factories import SectionFactory, approve
from tests.publishing.stub_server import edge_port

pytestmark = [
    pytest.mark.db_agnostic,
    pytest.mark.skipif(
        varnishd_path() is None and not os.environ.get("CI"),
        reason="no varnishd: apt-get install varnish (scripts/test does, as root)",
    ),
]

HOST = "localhost"


@pytest.fixture(scope="module")
def varnish_port(live_server, tmp_path_factory):
    """One Varnish for the module, in front of the live server."""
    app_port = urlsplit(live_server.url).port
    workdir = tmp_path_factory.mktemp("varnish")
    with varnish(app_port=app_port, workdir=workdir, port=edge_port(2)) as port:
        yield port


@pytest.fixture
def edge(settings, varnish_port):
    settings.SITE_URL = f"http://{HOST}"
    settings.EDGE_CACHE_S_MAXAGE = 3600
    settings.EDGE_PURGE_BACKEND = "http"
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{varnish_port}"]
    return varnish_port


@pytest.fixture
def app_hits():
    """The addresses of the requests that reached the app, in order."""
    hits = []

    def count(sender, environ, **kwargs):
        hits.append(environ["PATH_INFO"])

    request_started.connect(count)
    yield hits
    request_started.disconnect(count)


def through(port, path, method="GET", source="127.0.0.1", **headers):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    connection.request(method, path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


@pytest.fixture
def guide_path(live_server):
    guide = SectionFactory(guide__title="Words before the approval").guide
    approve(guide)
    return guide


def test_a_stored_page_is_served_by_varnish_without_reaching_the_app(
    edge, guide_path, app_hits
):
    path = guide_path.get_absolute_url()
    first, body = through(edge, path)
    assert first.status == 200
    assert "s-maxage=3600" in first.getheader("Cache-Control")
    assert app_hits == [path]
    for _ in range(5):
        again, same = through(edge, path)
        assert (again.status, same) == (200, body)
    assert again.getheader("X-Cache-Hits") == "5"
    assert app_hits == [path]  # five answers, none from the app


def test_an_approval_makes_the_next_request_through_varnish_show_the_new_words(
    edge, guide_path, app_hits
):
    guide = guide_path
    path = guide.get_absolute_url()
    assert "Words before the approval" in through(edge, path)[1]
    assert "Words before the approval" in through(edge, path)[1]
    assert app_hits == [path]
    guide.title = "Words after the approval"
    guide.save()
    approve(guide)
    response, body = through(edge, path)
    assert "Words after the approval" in body
    assert "Words before the approval" not in body
    assert response.getheader("X-Cache-Hits") == "0"
    assert app_hits == [path, path]
    assert EdgePurge.objects.exists()
    assert not EdgePurge.objects.filter(purged_at__isnull=True).exists()


def test_varnish_refuses_purges_from_other_addresses(edge, guide_path, app_hits):
    path = guide_path.get_absolute_url()
    through(edge, path)
    refused, _ = through(edge, path, method="PURGE", source="127.0.0.2")
    assert refused.status == 405
    assert through(edge, path)[0].getheader("X-Cache-Hits") == "1"
    assert app_hits == [path]


def test_signed_in_staff_always_reach_the_app(edge, guide_path, app_hits):
    path = guide_path.get_absolute_url()
    for _ in range(2):
        through(edge, path, Cookie="sessionid=not-a-real-session")
    assert app_hits == [path, path]
