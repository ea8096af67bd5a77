"""The patient's secure-link page is valid HTML (the W3C Nu checker)."""

import re

import pytest

from casework.messaging import message_send
from tests.test_html_validity import needs_the_checker, nu_messages

pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]


def test_the_portal_with_messages_is_valid_html(
    client, inquiry, coordinator, link_token, tmp_path
):
    """Message times carry no microseconds (a Nu error in ``<time datetime>``)."""
    needs_the_checker()
    message_send(inquiry=inquiry, author=coordinator, body="We read your records.")
    html = client.get(f"/my-inquiry/{link_token}/").content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps and all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp)
        for stamp in stamps
    ), stamps
    page = tmp_path / "portal.html"
    page.write_text(html)
    assert nu_messages({"/my-inquiry/…/": page}) == {"/my-inquiry/…/": []}
