from django.conf import settings

from .structured_data import absolute_url


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Without the query string: a filtered or tracked address is the same page.
        "canonical_url": absolute_url(request.path),
    }
