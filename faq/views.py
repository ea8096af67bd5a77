from django.views.generic import ListView

from reviews.models import ReviewedKind
from reviews.selectors import for_patients, review_summaries, show_approved

from .models import FaqEntry


class FaqListView(ListView):
    """Approved answers only, each with its own review line."""

    template_name = "faq/faq_list.html"
    context_object_name = "entries"

    def get_queryset(self):
        entries = show_approved(
            for_patients(FaqEntry.objects.all()).select_related("topic")
        )
        reviews = review_summaries(ReviewedKind.FAQ, [entry.pk for entry in entries])
        for entry in entries:
            entry.review = reviews.get(entry.pk)
        return entries
