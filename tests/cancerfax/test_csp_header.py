"""The site's Content-Security-Policy header is built once per process, and says
what django-csp would build from the settings, including after they change."""

import pytest
from csp.utils import build_policy

pytestmark = pytest.mark.django_db


def test_the_header_is_what_django_csp_builds_from_the_settings(client):
    response = client.get("/guides/")
    assert response["Content-Security-Policy"] == build_policy()
    assert "Content-Security-Policy-Report-Only" not in response


def test_a_changed_setting_changes_the_header(client, settings):
    client.get("/guides/")
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/guides/")["Content-Security-Policy"] == "default-src 'none'"
