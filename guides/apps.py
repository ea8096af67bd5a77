from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides")

    def ready(self):
        from cancerfax.sitemaps import register_sitemap
        from publishing.registry import register_page

        from . import review, sitemaps

        review.register_guides()
        register_page(
            "home",
            "guides:list",
            "guides:detail",
            "guides:indications",
            "guides:indication",
        )
        register_sitemap("guides", sitemaps.GuideSitemap)
        register_sitemap("cancers", sitemaps.IndicationSitemap)
