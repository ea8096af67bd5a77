"""Site-wide headers, and a page that keeps its word with the database down."""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError

from .views import error_page


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
