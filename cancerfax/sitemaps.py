"""The site's sitemap: the project's own pages, plus what the apps register.

Content apps call ``register_sitemap`` from ``AppConfig.ready()``, so this
module never imports them.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticSitemap(Sitemap):
    def items(self):
        return ["home", "guides:list", "guides:indications", "faq:list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": StaticSitemap}


def register_sitemap(name, sitemap):
    SITEMAPS[name] = sitemap
