"""Production refuses an edge-cache set-up that would hide approvals."""

import pytest

from tests.test_settings import ROOT, production_settings

pytestmark = pytest.mark.db_agnostic

NAMES = ["EDGE_PURGE_BACKEND", "EDGE_CACHE_S_MAXAGE", "SCHEDULED_TASKS"]
CASES = {
    "none": {},
    "varnish": {
        "EDGE_PURGE_BACKEND": "http",
        "EDGE_PURGE_URLS": "http://10.0.0.5:6081",
        "EDGE_CACHE_S_MAXAGE": "86400",
    },
    "cloudflare": {
        "EDGE_PURGE_BACKEND": "Cloudflare",
        "EDGE_PURGE_CLOUDFLARE_ZONE": "zone",
        "EDGE_PURGE_CLOUDFLARE_TOKEN": "token",
    },
    "unknown": {"EDGE_PURGE_BACKEND": "akamai"},
    "http without urls": {"EDGE_PURGE_BACKEND": "http"},
    "cloudflare without token": {
        "EDGE_PURGE_BACKEND": "cloudflare",
        "EDGE_PURGE_CLOUDFLARE_ZONE": "zone",
    },
    "cloudfront without distribution": {"EDGE_PURGE_BACKEND": "cloudfront"},
    "wrong method": {
        "EDGE_PURGE_BACKEND": "http",
        "EDGE_PURGE_URLS": "http://10.0.0.5:6081",
        "EDGE_PURGE_METHOD": "DELETE",
    },
    "kept without purging": {"EDGE_CACHE_S_MAXAGE": "3600"},
}


@pytest.fixture(scope="module")
def production():
    runs = [(env, NAMES) for env in CASES.values()]
    return dict(zip(CASES, production_settings(runs), strict=True))


def test_no_edge_cache_is_the_default(production):
    assert production["none"]["EDGE_PURGE_BACKEND"] == "''"
    assert production["none"]["EDGE_CACHE_S_MAXAGE"] == "0"
    assert "send_edge_purges" not in production["none"]["SCHEDULED_TASKS"]


def test_a_configured_backend_is_accepted(production):
    assert production["varnish"]["EDGE_PURGE_BACKEND"] == "'http'"
    assert production["varnish"]["EDGE_CACHE_S_MAXAGE"] == "86400"
    assert production["cloudflare"]["EDGE_PURGE_BACKEND"] == "'cloudflare'"
    # Failed purges are retried by the schedule, only where there is a backend.
    assert "edge_purges_send_due" in production["varnish"]["SCHEDULED_TASKS"]


@pytest.mark.parametrize(
    ("case", "named"),
    [
        ("unknown", "EDGE_PURGE_BACKEND"),
        ("http without urls", "EDGE_PURGE_URLS"),
        ("cloudflare without token", "EDGE_PURGE_CLOUDFLARE_TOKEN"),
        ("cloudfront without distribution", "EDGE_PURGE_CLOUDFRONT_DISTRIBUTION"),
        ("wrong method", "EDGE_PURGE_METHOD"),
        ("kept without purging", "EDGE_PURGE_BACKEND"),
    ],
)
def test_an_incomplete_set_up_is_refused_at_start(production, case, named):
    assert named in production[case]["refused"]


def test_the_vcl_in_the_docs_is_the_one_the_tests_run():
    docs = (ROOT / "docs" / "caching.md").read_text()
    vcl = (ROOT / "publishing" / "edge" / "varnish.vcl").read_text()
    assert f"```vcl\n{vcl}```" in docs
