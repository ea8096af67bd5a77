"""A NUL character in an address gets the site's 404 page on both engines, never a
500 (PostgreSQL refuses any string holding one, so looking it up failed there)."""

import pytest

ADDRESSES = [
    "/%00",
    "/guides/%00/",
    "/guides/what-is-cik-therapy%00/",
    "/inquire/?guide=%00",
    "/search/?q=cik%00",
    "/faq/?%00=1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_with_a_nul_answers_the_404_page(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.django_db
def test_an_ordinary_address_still_reaches_its_page(client):
    """The guard looks at the decoded path and query, not at a percent sign."""
    assert client.get("/search/?q=100%25").status_code == 200
