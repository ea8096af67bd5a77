"""The clinician's panel on the admin index (see cancerfax.admin_home): the cases
waiting for their assessment, oldest first, each with how long it has waited."""

from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cancerfax.admin_home import Figure, HomePanel

from .access import can_triage, clinician_requests, is_clinician

# Cases listed by name on the panel; the count links to all of them.
LISTED = 8


def waiting_for(user):
    """Requests sent to ``user`` and not answered yet, oldest first."""
    return (
        clinician_requests(user)
        .filter(answered_at=None)
        .select_related("inquiry")
        .order_by("created_at", "pk")
    )


def waited(request, now=None) -> str:
    """How long the request has waited, in words ("3 days")."""
    return timesince(request.created_at, now or timezone.now(), depth=1)


def clinician_panel(request):
    """ "Waiting for you": each case by reference and age, and the count."""
    user = request.user
    if not is_clinician(user) or can_triage(user):
        return None
    waiting = waiting_for(user)
    count = waiting.count()
    url = reverse("admin:casework_assessmentrequest_changelist")
    now = timezone.now()
    links = [
        (
            _("%(reference)s, waiting %(age)s")
            % {"reference": sent.inquiry.reference, "age": waited(sent, now)},
            reverse("admin:casework_assessmentrequest_change", args=[sent.pk]),
        )
        for sent in waiting[:LISTED]
    ]
    return HomePanel(
        title=_("Waiting for you"),
        figures=[
            Figure(
                ngettext(
                    "case waiting for your assessment",
                    "cases waiting for your assessment",
                    count,
                ),
                count,
                f"{url}?state=waiting",
            )
        ],
        links=links,
        links_title=_("Oldest first") if links else "",
        order=20,
    )
