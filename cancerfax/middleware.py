"""Site-wide headers, and a page that keeps its word with the database down."""

from functools import lru_cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.db import DatabaseError, InterfaceError, OperationalError
from django.dispatch import receiver
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


# What a view or a request may set to change the policy of one response.
_OWN_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once per process.

    Building the header from the settings on every response cost a stored page
    about a quarter of its CPU. A response with a policy of its own (django-csp's
    decorators) or a request that used a nonce is built as django-csp builds it.
    """

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _OWN_POLICY
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for header, exempt, report_only in (
            (HEADER, "_csp_exempt", False),
            (HEADER_REPORT_ONLY, "_csp_exempt_ro", True),
        ):
            policy, excluded = _site_policy(report_only)
            if (
                policy
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(excluded)
            ):
                response[header] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@lru_cache(maxsize=2)
def _site_policy(report_only):
    name = "CONTENT_SECURITY_POLICY" + ("_REPORT_ONLY" if report_only else "")
    settings_policy = getattr(settings, name, None) or {}
    excluded = tuple(settings_policy.get("EXCLUDE_URL_PREFIXES", None) or ())
    return build_policy(report_only=report_only), excluded


@receiver(setting_changed)
def _forget_site_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_policy.cache_clear()
