"""The site's sitemap: the project's own pages, plus what the apps register.

Content apps call ``register_sitemap`` from ``AppConfig.ready()``, so this
module never imports them.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SiteSitemap(Sitemap):
    """Addresses on ``SITE_URL``, as the canonical links say, never on the Host
    header a request happened to carry. Each page once per language of
    ``settings.LANGUAGES``, with its alternates (``hreflang``, and ``x-default``:
    the English address), as the pages' own ``<link rel="alternate">`` say."""

    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme


class StaticSitemap(SiteSitemap):
    def items(self):
        return [
            "home",
            "guides:list",
            "guides:indications",
            "faq:list",
            "glossary:list",
            "trust:reviewers",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": StaticSitemap}


def register_sitemap(name, sitemap):
    SITEMAPS[name] = sitemap
