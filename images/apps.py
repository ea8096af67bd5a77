from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Image library")

    def ready(self):
        from cancerfax.sanitize import register_image_source
        from reviews.signals import version_approved

        from . import checks, review  # noqa: F401  (checks register themselves)
        from .selectors import is_rendition_address
        from .tasks import on_version_approved

        review.register_images()
        register_image_source(is_rendition_address)
        version_approved.connect(on_version_approved, dispatch_uid="image-renditions")
