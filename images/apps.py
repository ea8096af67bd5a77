from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Image library")

    def ready(self):
        from cancerfax.fields import register_rich_text_tool
        from cancerfax.sanitize import register_image_renderer, register_image_source
        from reviews.signals import version_approved

        from . import checks, review  # noqa: F401  (checks register themselves)
        from .rich_text import show_library_pictures
        from .selectors import is_rendition_address
        from .tasks import on_version_approved

        review.register_images()
        register_image_source(is_rendition_address)
        register_image_renderer(show_library_pictures)
        register_rich_text_tool(
            template="admin/images/picture_picker.html", js=["images/picker.js"]
        )
        version_approved.connect(on_version_approved, dispatch_uid="image-renditions")
