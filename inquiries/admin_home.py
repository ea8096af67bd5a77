"""The coordinators' panel on the admin index (see cancerfax.admin_home): read-only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cancerfax.admin_home import Figure, HomePanel

from .models import Inquiry
from .selectors import dashboard_figures
from .workflow import Status


def coordinator_panel(request):
    """New, mine, unassigned and overdue inquiries, each linking to its list."""
    user = request.user
    if not user.has_perm("inquiries.change_inquiry"):
        return None
    figures = dashboard_figures()
    counts = dict(figures["status_counts"])
    open_inquiries = Inquiry.objects.open()
    url = reverse("admin:inquiries_inquiry_changelist")
    return HomePanel(
        title=_("Your inquiries"),
        figures=[
            Figure(_("new"), counts.get(Status.NEW, 0), f"{url}?status__exact=new"),
            Figure(
                _("assigned to you, open"),
                open_inquiries.filter(assignee=user).count(),
                f"{url}?assignee=mine",
            ),
            Figure(
                _("unassigned, open"),
                open_inquiries.filter(assignee__isnull=True).count(),
                f"{url}?assignee=none",
            ),
            Figure(
                _("overdue for a first response"),
                figures["overdue_count"],
                f"{url}?overdue=yes",
                urgent=True,
            ),
        ],
        order=30,
    )
