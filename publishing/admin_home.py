"""A warning on the admin home when a cache purge is failing (see
cancerfax.admin_home): patients may be shown a page an approval replaced."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cancerfax.admin_home import Figure, HomePanel

from .models import EdgePurge


def purge_panel(request):
    """Shown only while purges fail, to those who may see the purge list."""
    if not request.user.has_perm("publishing.view_edgepurge"):
        return None
    failing = EdgePurge.objects.failed().count()
    if not failing:
        return None
    return HomePanel(
        title=_("Cached pages"),
        figures=[
            Figure(
                _("cache purges failing: patients may see pages an approval replaced"),
                failing,
                reverse("admin:publishing_edgepurge_changelist") + "?state=failed",
                urgent=True,
            )
        ],
        order=5,
    )
