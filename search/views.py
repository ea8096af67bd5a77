from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cancerfax.structured_data import breadcrumbs
from guides.models import Guide
from guides.pages import guide_topic_id
from reviews.selectors import visible
from topics.selectors import group_by_topic

from .engine import search


def guide_topics():
    """The topics the guides page groups its guides under, in its order."""
    groups = group_by_topic(visible(Guide.objects.all()), topic_of=guide_topic_id)
    return [group for group in groups if group.topic]


class SearchView(TemplateView):
    """Search results for ``?q=``: approved content only. Reads only: the index
    is written when content is approved (``search.index``)."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        found = search(query) if query.strip() else None
        context["search"] = found
        context["search_query"] = query
        if found is not None and not found.results:
            # Where else to look: the questions, the topics and a person.
            context["topic_groups"] = guide_topics()
        context["breadcrumbs"] = breadcrumbs((_("Search"), "search:results"))
        return context
