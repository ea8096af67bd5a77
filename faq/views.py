from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from cancerfax.structured_data import breadcrumbs
from reviews.citing import page_references
from reviews.review_lines import combined_summary, review_summaries
from reviews.selectors import visible
from topics.selectors import group_by_topic

from .models import FaqEntry
from .structured_data import faq_page


class FaqListView(ListView):
    """Approved answers only, grouped by topic, with one review line for the page."""

    template_name = "faq/faq_list.html"
    context_object_name = "topic_groups"

    def get_queryset(self):
        self.entries = visible(FaqEntry.objects.order_by("order", "pk"))
        return group_by_topic(self.entries)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summaries = review_summaries(FaqEntry, [entry.pk for entry in self.entries])
        shown = [entry for group in context["topic_groups"] for entry in group.items]
        context.update(
            review=combined_summary(summaries.values()),
            references=page_references(entry.answer for entry in shown),
            # In the page's order: grouped by topic.
            faq_json_ld=faq_page(shown),
            breadcrumbs=breadcrumbs((_("Questions"), "faq:list")),
        )
        return context
