from django.contrib.sitemaps import Sitemap

from reviews.selectors import visible_queryset

from .models import CancerIndication, Guide


class GuideSitemap(Sitemap):
    """Guides patients can reach (published and approved)."""

    def items(self):
        return visible_queryset(Guide.objects.all()).order_by("pk")

    def lastmod(self, guide):
        return guide.updated_at


class IndicationSitemap(Sitemap):
    """Cancer-type pages patients can reach (published and approved)."""

    def items(self):
        return visible_queryset(CancerIndication.objects.all()).order_by("pk")
