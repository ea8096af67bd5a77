from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cancerfax.structured_data import breadcrumbs

from .engine import search


class SearchView(TemplateView):
    """Search results for ``?q=``: approved content only."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        context["search"] = search(query) if query.strip() else None
        context["search_query"] = query
        context["breadcrumbs"] = breadcrumbs((_("Search"), "search:results"))
        return context
