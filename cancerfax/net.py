"""The client's address, by one rule for everything that counts requests."""

from django.conf import settings


def client_address(request) -> str:
    """``REMOTE_ADDR``, or the address our own proxies put in X-Forwarded-For.

    With ``INQUIRY_PROXY_COUNT`` proxies in front of the app, the entry that many
    places from the end was written by the outermost proxy of ours; entries
    before it come from the client and are never trusted.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.INQUIRY_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address
