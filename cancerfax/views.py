from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .languages import reverse_in_every_language
from .structured_data import absolute_url


@require_POST
def editor_upload_disabled(request):
    """Pictures are not uploaded through the rich-text editor: each one needs
    alt text and its own review, so it goes into the image library (a figure
    section shows it). Rich text keeps only the library's renditions."""
    return JsonResponse(
        {
            "error": {
                "message": "Add pictures to the image library, then show them "
                "with a Figure section."
            }
        },
        status=403,
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        # The form in every language (/inquire/, /ar/inquire/...).
        *(
            f"Disallow: {path}"
            for path in reverse_in_every_language("inquiries:create")
        ),
        # SITE_URL, like canonical links: never the Host a request claims.
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


ERROR_PAGES = {
    500: (
        _("Something went wrong on our side"),
        _("We are sorry. The problem has been logged."),
    ),
    503: (
        _("The site is briefly unavailable"),
        _("We are sorry. Part of the site is down for a few minutes."),
    ),
}


def error_page(status: int) -> HttpResponse:
    """A page built from settings alone: no database, session or context processor.

    Used when something failed, so it must not fail itself.
    """
    title, lede = ERROR_PAGES[status]
    html = get_template("errors/error.html").render(
        {
            "title": title,
            "lede": lede,
            "site_name": settings.SITE_NAME,
            "static_url": settings.STATIC_URL,
            "contact_email": settings.CONTACT_EMAIL,
            "contact_phone": settings.CONTACT_PHONE,
        }
    )
    return HttpResponse(html, status=status)


def server_error(request):
    return error_page(500)
