from django.views.generic import ListView

from .models import FaqEntry


class FaqListView(ListView):
    template_name = "faq/faq_list.html"
    context_object_name = "entries"

    def get_queryset(self):
        return FaqEntry.objects.published().select_related("topic")
