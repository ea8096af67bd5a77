"""The public addresses: every URL pattern outside the admin site."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver


def public_routes(resolver=None, prefix=""):
    """The route of every URL pattern outside the admin site, e.g.
    ``guides/<slug:slug>/``; sign-in pages under the admin's address count."""
    routes = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name == admin.site.name:
                continue
            routes += public_routes(entry, route)
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes
