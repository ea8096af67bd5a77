from django.conf import settings
from django.utils.translation import get_language, to_locale

from .languages import is_rtl, language_links, language_tag
from .structured_data import absolute_url


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Without the query string: a filtered or tracked address is the same page.
        "canonical_url": absolute_url(request.path),
        "language_tag": language_tag(),
        "language_rtl": is_rtl(),
        # The same page in every language: hreflang alternates and the switcher.
        "language_links": language_links(request.path_info),
        "DEFAULT_LANGUAGE": settings.LANGUAGE_CODE,
        "SITE_URL": settings.SITE_URL.rstrip("/"),
        "og_locale": to_locale(get_language() or settings.LANGUAGE_CODE),
    }
