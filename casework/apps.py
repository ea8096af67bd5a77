from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from cancerfax.admin_home import register_home_panel
        from inquiries.hooks import register_acknowledgement_part, register_eraser

        from .clinician_home import clinician_panel
        from .erasure import erase_casework
        from .patient_links import acknowledgement_link

        register_eraser(erase_casework)
        register_home_panel(clinician_panel)
        register_acknowledgement_part(acknowledgement_link)

    def load_demo(self, *, stdout, with_users):
        """Called by ``load_demo`` (which cannot import this app): demo casework."""
        from .demo import load_casework_demo

        return load_casework_demo(stdout=stdout, with_users=with_users)
