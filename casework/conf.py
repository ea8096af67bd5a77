"""Casework settings, each with a default (override in the settings module)."""

from django.conf import settings


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


DEFAULTS = {
    # How long a patient's secure link works after it was sent.
    "CASEWORK_LINK_DAYS": 30,
    # Per inquiry and rate-limit window (inquiries.limits' counter rows, an hour
    # by default): page views, replies, files. Above the view limit the page
    # pauses and shows nothing of the inquiry; above the others the patient sees a
    # 429 page that keeps what they typed.
    "CASEWORK_LINK_VIEWS_PER_HOUR": 60,
    "CASEWORK_LINK_REPLIES_PER_HOUR": 10,
    "CASEWORK_LINK_FILES_PER_HOUR": 20,
}
