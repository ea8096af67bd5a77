"""Texts people type are counted, never cut.

Django puts ``maxlength`` on a textarea whose field has ``max_length``, and a
browser then drops the end of a longer paste without a word. A
``LimitedTextField`` has none: the page counts (``data-limit``, read by
static/inquiries/counter.js) and the server refuses a longer text by how much,
so the form comes back with every character.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def text_length(value: str) -> int:
    """Characters as the page's counter counts them: a line break is one."""
    return len(value.replace("\r\n", "\n"))


def text_within_limit(value: str, limit: int) -> None:
    """Refuse a text over ``limit`` characters, saying by how much; never cut it."""
    length = text_length(value)
    if length > limit:
        raise ValidationError(
            _(
                "This is %(length)s characters long and the limit is %(limit)s: "
                "please shorten it by %(excess)s. Everything you typed is kept."
            ),
            code="too_long",
            params={
                "length": f"{length:,}",
                "limit": f"{limit:,}",
                "excess": f"{length - limit:,}",
            },
        )


def limit_hint(limit: int) -> str:
    return _("Up to %(limit)s characters.") % {"limit": f"{limit:,}"}


class LimitedTextField(forms.CharField):
    """A textarea with a counted limit and no ``maxlength``."""

    def __init__(self, *, limit: int, **kwargs):
        kwargs.setdefault("widget", forms.Textarea)
        self.limit = limit
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "data-limit": str(self.limit)}

    def clean(self, value):
        value = super().clean(value).replace("\r\n", "\n")
        text_within_limit(value, self.limit)
        return value


def without_maxlength(form: forms.Form) -> None:
    """Short fields keep their limit on the server but lose the browser's
    ``maxlength``: a longer paste is refused with its length, not cut."""
    for field in form.fields.values():
        field.widget.attrs.pop("maxlength", None)
