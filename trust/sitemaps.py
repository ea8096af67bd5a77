from django.urls import reverse

from cancerfax.sitemaps import SiteSitemap
from reviews.models import Reviewer
from reviews.selectors import visible_queryset, with_last_reviewed

from .models import TrustPage


class TrustPageSitemap(SiteSitemap):
    """About and policy pages patients can reach, dated by their last review."""

    def items(self):
        return with_last_reviewed(visible_queryset(TrustPage.objects.all())).order_by(
            "pk"
        )

    def lastmod(self, page):
        return page.last_reviewed


class ReviewerSitemap(SiteSitemap):
    def items(self):
        return visible_queryset(Reviewer.objects.all()).order_by("pk")

    def location(self, reviewer):
        return reverse("trust:reviewer", args=[reviewer.pk])
