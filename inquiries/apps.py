from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("Inquiries")

    def ready(self):
        from cancerfax.admin_home import register_home_panel

        from .admin_home import coordinator_panel

        register_home_panel(coordinator_panel)
