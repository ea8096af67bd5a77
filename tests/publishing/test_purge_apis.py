"""The Cloudflare and CloudFront backends send exactly the requests their APIs
document, to a stand-in server on loopback (never the network)."""

import xml.etree.ElementTree as ET

import pytest

from publishing.edge import PurgeError, purge_backend
from publishing.edge.cloudflare import URLS_PER_CALL
from tests.publishing.stub_server import StubServer, edge_port

pytestmark = pytest.mark.db_agnostic

CLOUDFRONT_NS = "{http://cloudfront.amazonaws.com/doc/2020-05-31/}"
INVALIDATION = b"""<?xml version="1.0"?>
<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
<Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>
<CreateTime>2026-12-06T19:00:00Z</CreateTime>
<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/</Path></Items></Paths>
<CallerReference>cancerfax-purge-7</CallerReference></InvalidationBatch>
</Invalidation>"""


@pytest.fixture(scope="module")
def api():
    with StubServer(edge_port(1)) as server:
        yield server


@pytest.fixture
def cloudflare(settings, api):
    settings.SITE_URL = "https://cancerfax.example.org"
    settings.EDGE_PURGE_CLOUDFLARE_API = f"{api.url}/client/v4"
    settings.EDGE_PURGE_CLOUDFLARE_ZONE = "023e105f4ecef8ad9ca31a8372d0c353"
    settings.EDGE_PURGE_CLOUDFLARE_TOKEN = "test-token"
    api.reset((200, {"success": True, "errors": [], "result": {"id": "x"}}, "json"))
    return purge_backend("cloudflare")


def test_cloudflare_purges_full_urls_by_zone_with_the_token(cloudflare, api):
    cloudflare.purge(["/", "/guides/what-is-cik-therapy/"], reference="r")
    [seen] = api.seen
    assert (seen.method, seen.path) == (
        "POST",
        "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache",
    )
    assert seen.headers["authorization"] == "Bearer test-token"
    assert seen.headers["content-type"] == "application/json"
    assert seen.json() == {
        "files": [
            "https://cancerfax.example.org/",
            "https://cancerfax.example.org/guides/what-is-cik-therapy/",
        ]
    }


def test_cloudflare_takes_thirty_urls_a_call(cloudflare, api):
    cloudflare.purge([f"/guides/g{n}/" for n in range(URLS_PER_CALL + 1)], reference="")
    assert [len(seen.json()["files"]) for seen in api.seen] == [URLS_PER_CALL, 1]


@pytest.mark.parametrize(
    ("answer", "reported"),
    [
        ((403, {"success": False, "errors": [{"code": 10000}]}, "json"), "403"),
        ((200, {"success": False, "errors": [{"code": 1134}]}, "json"), "1134"),
    ],
)
def test_cloudflare_refusals_are_purge_errors(cloudflare, api, answer, reported):
    api.reset(answer)
    with pytest.raises(PurgeError, match=reported):
        cloudflare.purge(["/"], reference="")


def test_cloudflare_needs_its_zone_and_token(settings):
    settings.EDGE_PURGE_CLOUDFLARE_TOKEN = ""
    with pytest.raises(PurgeError, match="EDGE_PURGE_CLOUDFLARE_TOKEN"):
        purge_backend("cloudflare")


@pytest.fixture
def cloudfront(settings, api, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    settings.EDGE_PURGE_CLOUDFRONT_DISTRIBUTION = "EDFDVBD6EXAMPLE"
    settings.EDGE_PURGE_CLOUDFRONT_ENDPOINT = api.url
    api.reset((201, INVALIDATION, "text/xml"))
    return purge_backend("cloudfront")


def test_cloudfront_creates_one_signed_invalidation_naming_the_paths(cloudfront, api):
    cloudfront.purge(["/", "/faq/"], reference="cancerfax-purge-7")
    [seen] = api.seen
    assert (seen.method, seen.path) == (
        "POST",
        "/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation",
    )
    assert seen.headers["authorization"].startswith(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
    )
    assert "/us-east-1/cloudfront/aws4_request" in seen.headers["authorization"]
    batch = ET.fromstring(seen.body)  # noqa: S314 - what our own client sent
    assert batch.tag == f"{CLOUDFRONT_NS}InvalidationBatch"
    paths = batch.find(f"{CLOUDFRONT_NS}Paths")
    assert paths.findtext(f"{CLOUDFRONT_NS}Quantity") == "2"
    assert [p.text for p in paths.iter(f"{CLOUDFRONT_NS}Path")] == ["/", "/faq/"]
    assert batch.findtext(f"{CLOUDFRONT_NS}CallerReference") == "cancerfax-purge-7"


def test_cloudfront_refusals_are_purge_errors(cloudfront, api):
    error = b"""<?xml version="1.0"?><ErrorResponse
    xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type>
    <Code>AccessDenied</Code><Message>Not allowed</Message></Error></ErrorResponse>"""
    api.reset((403, error, "text/xml"))
    with pytest.raises(PurgeError, match="AccessDenied"):
        cloudfront.purge(["/"], reference="r")
    assert len(api.seen) == 1  # no hidden retries: the sweep retries, recorded
