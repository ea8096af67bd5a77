from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Stored pages")

    def ready(self):
        from cancerfax.admin_home import register_home_panel

        from .admin_home import purge_panel

        register_home_panel(purge_panel)
