from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from reviews.signals import version_approved

        from .index import on_version_approved

        version_approved.connect(on_version_approved, dispatch_uid="search-index")

    def load_demo(self, *, stdout, with_users):
        """Called by ``load_demo`` (which cannot import this app): the demo
        synonyms, and entries for content approved before search listened (the
        approvals that follow index themselves)."""
        from .demo import load_search_demo

        load_search_demo()
        return []
