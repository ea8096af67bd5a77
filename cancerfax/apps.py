from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class CancerfaxConfig(AppConfig):
    name = "cancerfax"
    verbose_name = "CancerFax"

    def ready(self):
        from .roles import sync_roles_after_migrate

        post_migrate.connect(
            sync_roles_after_migrate, dispatch_uid="cancerfax.sync_roles"
        )


class CancerfaxAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the project's site (cancerfax/admin_ids.py)."""

    default = False  # "cancerfax" in INSTALLED_APPS still means CancerfaxConfig

    default_site = "cancerfax.admin_ids.CancerfaxAdminSite"

    def ready(self):
        super().ready()  # every app's admin module is imported here
        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

        # django-otp's own admin lists every member's unused backup codes in
        # clear: members renew their own (staff_auth), a superuser resets them
        # with the account (accounts/admin.py).
        for model in (StaticDevice, StaticToken):
            if admin.site.is_registered(model):
                admin.site.unregister(model)

        from django_otp.plugins.otp_totp.models import TOTPDevice

        from .admin import TOTPDeviceAdmin

        if admin.site.is_registered(TOTPDevice):
            admin.site.unregister(TOTPDevice)
        admin.site.register(TOTPDevice, TOTPDeviceAdmin)
