from django.views.generic import ListView

from reviews.selectors import review_summaries, visible
from topics.selectors import group_by_topic

from .models import FaqEntry


class FaqListView(ListView):
    """Approved answers only, grouped by topic, each with its own review line."""

    template_name = "faq/faq_list.html"
    context_object_name = "topic_groups"

    def get_queryset(self):
        entries = visible(FaqEntry.objects.order_by("order", "pk"))
        reviews = review_summaries(FaqEntry, [entry.pk for entry in entries])
        for entry in entries:
            entry.related["review"] = reviews.get(entry.pk)
        return group_by_topic(entries)
