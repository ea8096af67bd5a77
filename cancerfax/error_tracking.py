"""Errors reach Sentry (``SENTRY_DSN``) without a patient's data.

Off unless ``SENTRY_DSN`` is set. What an event may carry is an allowlist, not a
list of things to remove: the exception's type and stack (file, function,
line and the source lines around it), the request's method and path with the
patient's secure-link key replaced by ``…``, the release, the environment and
the kinds of breadcrumbs. Everything else goes before the event leaves the
process: exception messages (they can quote what was typed: an
``IntegrityError`` names the duplicate value), local variables, request bodies,
query strings, cookies, headers, the user, log message arguments, SQL. A
developer reproduces from the stack; the coordinator's records say the rest.
"""

import os
import re

from .log_redaction import redact

REMOVED = "[removed]"
EMAIL = re.compile(r"[^\s@/]+@[^\s@/]+\.[^\s@/]+")
KEPT_EVENT_KEYS = {
    "event_id",
    "timestamp",
    "level",
    "platform",
    "logger",
    "release",
    "environment",
    "server_name",
    "sdk",
    "exception",
    "threads",
    "logentry",
    "request",
    "transaction",
    "transaction_info",
    "breadcrumbs",
    "contexts",
    "type",
    "modules",
}
KEPT_CONTEXTS = {"runtime", "os", "trace"}
KEPT_FRAME_KEYS = {
    "filename",
    "abs_path",
    "function",
    "module",
    "lineno",
    "colno",
    "pre_context",
    "context_line",
    "post_context",
    "in_app",
}
KEPT_BREADCRUMB_KEYS = {"type", "category", "level", "timestamp"}


def clean_text(text) -> str:
    """Texts that stay (paths, transaction names): keys and addresses out."""
    return EMAIL.sub(REMOVED, redact(str(text)))


def clean_url(url) -> str:
    return clean_text(str(url).split("?", 1)[0].split("#", 1)[0])


def clean_frames(holder):
    stacktrace = holder.get("stacktrace") or {}
    stacktrace["frames"] = [
        {key: value for key, value in frame.items() if key in KEPT_FRAME_KEYS}
        for frame in stacktrace.get("frames", [])
    ]


def before_send(event, hint=None):
    """The event with everything outside the allowlist removed."""
    event = {key: value for key, value in event.items() if key in KEPT_EVENT_KEYS}
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = REMOVED
        exception.pop("mechanism", None)
        clean_frames(exception)
    for thread in (event.get("threads") or {}).get("values", []):
        clean_frames(thread)
    if "logentry" in event:
        # The message's template stays; its arguments (the data) go.
        message = event["logentry"].get("message") or ""
        event["logentry"] = {"message": clean_text(message)}
    if "request" in event:
        request = event["request"]
        event["request"] = {
            "method": request.get("method"),
            "url": clean_url(request.get("url", "")),
        }
    if "transaction" in event:
        event["transaction"] = clean_text(event["transaction"])
    event["contexts"] = {
        key: value
        for key, value in (event.get("contexts") or {}).items()
        if key in KEPT_CONTEXTS
    }
    crumbs = (before_breadcrumb(crumb) for crumb in _crumbs(event))
    event["breadcrumbs"] = {"values": [crumb for crumb in crumbs if crumb]}
    return event


def _crumbs(event):
    crumbs = event.get("breadcrumbs") or {}
    return crumbs.get("values", []) if isinstance(crumbs, dict) else crumbs


def before_breadcrumb(crumb, hint=None):
    """What happened, not with what: the kind of breadcrumb only."""
    if crumb.get("category") == "query":
        return None
    return {key: value for key, value in crumb.items() if key in KEPT_BREADCRUMB_KEYS}


def error_tracking_init(dsn=None, **options):
    """Start the Sentry SDK when a DSN is given (``SENTRY_DSN`` by default);
    ``options`` are for tests (a capturing transport)."""
    dsn = (os.environ.get("SENTRY_DSN", "") if dsn is None else dsn).strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration(transaction_style="url")],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        # The SDK's defaults collect no personal data; the allowlist
        # (before_send) holds whatever a later default might add.
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=before_send,
        before_send_transaction=lambda event, hint: None,
        before_breadcrumb=before_breadcrumb,
        **options,
    )
    return True
