from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Medical review")

    def ready(self):
        from cancerfax.admin_home import register_home_panel

        from . import home
        from .profile_review import register_reviewer_profiles
        from .translating import register_translations

        register_reviewer_profiles()
        register_translations()

        register_home_panel(home.editor_panel)
        register_home_panel(home.reviewer_panel)
