from django.views.generic import DetailView, ListView

from faq.models import FaqEntry
from reviews.registry import reviewed_type_for
from reviews.selectors import approved_lookup, for_patients, show_approved
from reviews.views import ApprovedOrPreviewMixin

from .models import CancerIndication, Guide
from .pages import build_page_sections, table_of_contents


class GuideListView(ListView):
    template_name = "guides/guide_list.html"
    context_object_name = "guides"

    def get_queryset(self):
        return show_approved(
            for_patients(Guide.objects.all())
            .select_related("topic")
            .order_by("topic__order", "topic__name", "title")
        )


class GuideDetailView(ApprovedOrPreviewMixin, DetailView):
    model = Guide
    template_name = "guides/guide_detail.html"
    context_object_name = "guide"

    def get_queryset(self):
        queryset = super().get_queryset().select_related("topic")
        if self.shows_working_copy():
            queryset = queryset.prefetch_related(*reviewed_type_for(Guide).prefetch)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lookups = (
            {}
            if self.shows_working_copy()
            else {
                "faq_lookup": approved_lookup(FaqEntry),
                "indication_lookup": approved_lookup(CancerIndication),
                "guide_lookup": approved_lookup(Guide),
            }
        )
        context["sections"] = build_page_sections(context["content"], **lookups)
        context["contents"] = table_of_contents(context["sections"])
        return context


class IndicationListView(ListView):
    template_name = "guides/indication_list.html"
    context_object_name = "indications"

    def get_queryset(self):
        return show_approved(for_patients(CancerIndication.objects.all()))


class IndicationDetailView(ApprovedOrPreviewMixin, DetailView):
    model = CancerIndication
    template_name = "guides/indication_detail.html"
    context_object_name = "indication"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        guides = self.object.guides.select_related("topic")
        context["guides"] = (
            guides.published()
            if self.shows_working_copy()
            else show_approved(for_patients(guides))
        )
        return context
