from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from guides.models import CancerIndication, Guide
from reviews.selectors import for_patients


class StaticSitemap(Sitemap):
    def items(self):
        return ["home", "guides:list", "guides:indications", "faq:list"]

    def location(self, item):
        return reverse(item)


class GuideSitemap(Sitemap):
    """Guides patients can reach (published and approved)."""

    def items(self):
        return for_patients(Guide.objects.all()).order_by("pk")

    def lastmod(self, guide):
        return guide.updated_at


class IndicationSitemap(Sitemap):
    """Cancer-type pages patients can reach (published and approved)."""

    def items(self):
        return for_patients(CancerIndication.objects.all()).order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "guides": GuideSitemap,
    "cancers": IndicationSitemap,
}
