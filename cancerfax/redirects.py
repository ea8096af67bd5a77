"""Permanent redirects from every address a page ever had.

Content apps call ``track_addresses(Model)`` from ``AppConfig.ready()``. Signals
are used on purpose: a slug can change in the admin or in a shell, and each
``save()`` leaves the old address working. ``QuerySet.update()`` and data
migrations (historical models send no signals to these receivers) do not: a
migration that changes slugs must create the ``OldAddress`` rows itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.http import HttpResponsePermanentRedirect

from .models import OldAddress


def _remember(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    saved = sender._default_manager.filter(pk=instance.pk).first()
    instance._address_before_save = saved.get_absolute_url() if saved else None


def _record(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_address_before_save", None)
    now = instance.get_absolute_url()
    # The current address is never a redirect, even if it was an old one.
    OldAddress.objects.filter(path=now).delete()
    if before and before != now:
        OldAddress.objects.update_or_create(
            path=before,
            defaults={
                "content_type": ContentType.objects.get_for_model(sender),
                "object_id": instance.pk,
            },
        )


def track_addresses(model):
    """Leave a permanent redirect behind whenever ``model``'s address changes."""
    uid = f"track_addresses:{model._meta.label}"
    pre_save.connect(_remember, sender=model, dispatch_uid=uid)
    post_save.connect(_record, sender=model, dispatch_uid=uid)


class OldAddressMiddleware:
    """Turn a 404 at an old address into a 301 to the page's current address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        old = (
            OldAddress.objects.filter(path=request.path)
            .select_related("content_type")
            .first()
        )
        target = old.target() if old else None
        if target is None:
            return response
        url = target.get_absolute_url()
        if request.META.get("QUERY_STRING"):
            url = f"{url}?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(url)
