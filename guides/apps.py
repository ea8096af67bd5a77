from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides")

    def ready(self):
        from cancerfax.redirects import track_addresses
        from cancerfax.sitemaps import register_sitemap
        from publishing.registry import register_page
        from reviews.citing import register_source_lookup

        from . import fact_review, review, sitemaps
        from .citations import citation_keys, citations_by_key
        from .models import CancerIndication, Guide

        review.register_guides()
        fact_review.register_facts()
        register_source_lookup(citations_by_key, all_keys=citation_keys)
        register_page(
            "home",
            "guides:list",
            "guides:detail",
            "guides:indications",
            "guides:indication",
        )
        track_addresses(Guide)
        track_addresses(CancerIndication)
        register_sitemap("guides", sitemaps.GuideSitemap)
        register_sitemap("cancers", sitemaps.IndicationSitemap)
