"""The staff sign-in page names itself with one main heading."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_has_one_main_heading(client):
    html = client.get("/admin/login/").content.decode()
    assert html.count("<h1") == 1
    assert '<h1 class="login-title">Staff sign-in</h1>' in html
