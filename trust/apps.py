from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = _("About us and policies")

    def ready(self):
        from cancerfax.redirects import track_addresses
        from cancerfax.sitemaps import register_sitemap

        from . import review, sitemaps
        from .models import TrustPage

        review.register_trust_pages()
        track_addresses(TrustPage)
        register_sitemap("about", sitemaps.TrustPageSitemap)
        register_sitemap("reviewers", sitemaps.ReviewerSitemap)
