from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CancerfaxConfig(AppConfig):
    name = "cancerfax"
    verbose_name = "CancerFax"

    def ready(self):
        from . import lookups
        from .roles import sync_roles

        lookups.register()
        post_migrate.connect(sync_roles, dispatch_uid="cancerfax.sync_roles")
