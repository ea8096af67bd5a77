"""In Chromium: the warning about failing cache purges on the admin home, the
purge list and one purge's page pass axe at desktop and phone widths."""

import pytest
from playwright.sync_api import expect

from publishing.models import EdgePurge

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 360])
def test_failing_purges_pages_have_no_serious_or_critical_violations(
    live_server, page, medical_editor, admin_login, axe_violations, width
):
    purge = EdgePurge.objects.create(
        paths=["/", "/guides/what-is-cik-therapy/"],
        backend="http",
        attempts=8,
        last_error="http://127.0.0.1:6081 answered 503 Service Unavailable",
    )
    page.set_viewport_size({"width": width, "height": 800})
    admin_login(page, medical_editor.email)
    expect(page.get_by_text("cache purges failing")).to_be_visible()
    found = {"/admin/": axe_violations(page)}
    page.get_by_role("link", name="cache purges failing").click()
    expect(page.get_by_text("answered 503 Service Unavailable")).to_be_visible()
    found["list"] = axe_violations(page)
    page.goto(f"{live_server.url}/admin/publishing/edgepurge/{purge.pk}/change/")
    found["purge"] = axe_violations(page)
    assert found == {"/admin/": [], "list": [], "purge": []}
