"""Links and schema.org data every public page shares.

Addresses in structured data and in ``<link rel="canonical">`` are built from
``SITE_URL``, never from the request's Host header, so a page fetched under
another name still points search engines at the one real address.
"""

from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Crumb:
    name: str
    path: str
    # Of the name, when it is an item's words (``Visible.language``).
    language: str = ""


def breadcrumbs(*trail) -> list[Crumb]:
    """Home, then each ``(name, path or URL name)`` of ``trail``; the page is last.

    An item's page ends with ``(name, path, language)``: its name may be shown
    in English on a translated page.
    """
    crumbs = [Crumb(str(_("Home")), reverse("home"))]
    for name, target, *language in trail:
        path = target if target.startswith("/") else reverse(target)
        crumbs.append(Crumb(str(name), path, *language))
    return crumbs


def breadcrumb_list(crumbs: list[Crumb]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": absolute_url(crumb.path),
            }
            for position, crumb in enumerate(crumbs, 1)
        ],
    }


def organization(**extra) -> dict:
    """The site's publisher: CancerFax as a schema.org ``Organization``."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static("img/favicon.svg")),
        },
        **extra,
    }
