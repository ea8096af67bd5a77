from django.views.generic import DetailView, ListView

from cancerfax.views import PublishedOrPreviewMixin

from .models import CancerIndication, Guide
from .pages import build_page_sections


class GuideListView(ListView):
    template_name = "guides/guide_list.html"
    context_object_name = "guides"

    def get_queryset(self):
        return (
            Guide.objects.published()
            .select_related("topic")
            .order_by("topic__order", "topic__name", "title")
        )


class GuideDetailView(PublishedOrPreviewMixin, DetailView):
    model = Guide
    template_name = "guides/guide_detail.html"
    context_object_name = "guide"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("topic")
            .prefetch_related("sections__items", "related_guides")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = self.object.build_snapshot()
        context["content"] = snapshot
        context["sections"] = build_page_sections(snapshot)
        return context


class IndicationListView(ListView):
    template_name = "guides/indication_list.html"
    context_object_name = "indications"

    def get_queryset(self):
        return CancerIndication.objects.published()


class IndicationDetailView(PublishedOrPreviewMixin, DetailView):
    model = CancerIndication
    template_name = "guides/indication_detail.html"
    context_object_name = "indication"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guides"] = self.object.guides.published().select_related("topic")
        return context
