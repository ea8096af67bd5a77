from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("Frequently asked questions")

    def ready(self):
        from publishing.registry import register_page

        from . import review

        review.register_faq()
        register_page("faq:list")
