"""Items that approved or waiting versions show cannot be deleted.

A snapshot points at some items by id instead of copying their words (a guide's
topic, the questions and cancer types its sections list): their words are reviewed
as their own items. ``PROTECT`` guards only the live links, so an item the working
copy no longer links but the approved page still shows could be deleted, and the
approved page would lose it without a review. These checks look at the versions.
"""

from django.db.models import ProtectedError
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from .models import ContentVersion
from .registry import referrers_of


def versions_showing(obj) -> list[ContentVersion]:
    """The approved and waiting versions whose snapshot points at ``obj``.

    Only versions of the kinds registered as referring to ``obj``'s model are
    read, and only the current ones (at most two per item): no query at all for
    models nothing refers to.
    """
    showing = []
    for reviewed in referrers_of(obj):
        versions = ContentVersion.objects.of_model(reviewed.model).current()
        showing += [v for v in versions if reviewed.shows(v.content, obj)]
    return showing


def shown_by_message(obj, versions) -> str:
    """Why ``obj`` cannot be deleted, naming each item that shows it once."""
    names = dict.fromkeys(
        str(format_lazy("{} “{}”", v.reviewed.verbose_name, v.title)) for v in versions
    )
    return capfirst(
        _(
            "%(item)s cannot be deleted: the approved or waiting version of "
            "%(shown_by)s shows it. Remove it there and have that change approved "
            "(or withdraw the waiting version) first."
        )
        % {
            "item": format_lazy("{} “{}”", obj._meta.verbose_name, obj),
            "shown_by": ", ".join(names),
        }
    )


def refuse_deletion_while_shown(obj) -> None:
    """Raise ``ProtectedError`` while an approved or waiting version shows ``obj``.

    Connected to ``pre_delete`` of every referenced model by ``register``, so a
    delete from anywhere (admin, shell, queryset) is refused. The signal is sent
    inside the delete's transaction, so, like a database error, the refusal spoils
    a surrounding one: code that goes on afterwards deletes in its own
    ``atomic()``. The admin asks ``versions_showing`` before it deletes anything.
    """
    versions = versions_showing(obj)
    if versions:
        raise ProtectedError(shown_by_message(obj, versions), set(versions))
