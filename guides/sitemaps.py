from cancerfax.sitemaps import SiteSitemap
from reviews.selectors import visible_queryset, with_last_reviewed

from .models import CancerIndication, Guide


class GuideSitemap(SiteSitemap):
    """Guides patients can reach (published and approved), dated by last review."""

    def items(self):
        return with_last_reviewed(visible_queryset(Guide.objects.all())).order_by("pk")

    def lastmod(self, guide):
        # The last review, not the last save: an unapproved edit changes nothing
        # patients read.
        return guide.last_reviewed


class IndicationSitemap(SiteSitemap):
    """Cancer-type pages patients can reach, dated by their last review."""

    def items(self):
        return with_last_reviewed(
            visible_queryset(CancerIndication.objects.all())
        ).order_by("pk")

    def lastmod(self, indication):
        return indication.last_reviewed
