import os

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("Inquiries")

    def ready(self):
        from . import quarantine_admin  # noqa: F401 - registers the held submissions

        # Django spools large uploads here and does not create the folder.
        if settings.FILE_UPLOAD_TEMP_DIR:
            temp = settings.FILE_UPLOAD_TEMP_DIR
            os.makedirs(temp, mode=0o700, exist_ok=True)
