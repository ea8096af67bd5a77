import re

from django.conf import settings

from .structured_data import absolute_url


def tel_href(number: str) -> str:
    """``tel:`` address of a number as people write it: '+44 20 7946 0000'."""
    dialled = re.sub(r"[^\d+]", "", number)
    return f"tel:{dialled}" if dialled else ""


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SUPPORT_PHONE": settings.SUPPORT_PHONE,
        "support_phone_href": tel_href(settings.SUPPORT_PHONE),
        # Without the query string: a filtered or tracked address is the same page.
        "canonical_url": absolute_url(request.path),
    }
