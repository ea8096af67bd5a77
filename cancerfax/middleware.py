"""Site-wide headers, and a page that keeps its word with the database down."""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404

from .views import error_page


class NulByteMiddleware:
    """An address with a NUL character in its path or query is not found.

    No address here holds one, and PostgreSQL refuses any string that does: a
    lookup of such a path or query value (the old-address redirects, a slug, a
    search) answered 500 there. This answers the site's 404 page on both engines,
    before anything looks the address up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = (text for pair in request.GET.lists() for text in (pair[0], *pair[1]))
        if "\x00" in request.path or any("\x00" in text for text in query):
            raise Http404("NUL character in the address")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Switches off browser features (camera, location…) no page here uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answers 503 with the static error page when the database cannot be reached.

    The page says plainly that the form was not sent and how else to reach us;
    the inquiry page's script keeps the typed text in the tab to send again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) or (
            type(exception) is DatabaseError
        ):
            response = error_page(503)
            response["Retry-After"] = "120"
            return response
        return None
