"""Sign-in helpers the settings name (django-axes)."""

from django.conf import settings

from .models import normalize_email


def axes_username(request, credentials) -> str | None:
    """The sign-in name axes counts failures for, spelt as the account is."""
    data = credentials or getattr(request, "POST", None) or {}
    username = data.get(settings.AXES_USERNAME_FORM_FIELD)
    return None if username is None else normalize_email(username)
