from django.views.generic import DetailView, ListView, TemplateView

from reviews.selectors import visible, visible_in_bulk, working_in_bulk
from reviews.views import ApprovedOrPreviewMixin
from topics.selectors import group_by_topic

from .models import CancerIndication, Guide
from .pages import guide_page, guide_topic_id, with_topics


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        featured = Guide.objects.filter(featured=True).order_by("topic__order", "title")
        context["featured_guides"] = visible(featured, limit=3)
        with_topics(context["featured_guides"])
        context["indications"] = visible(CancerIndication.objects.all(), limit=8)
        return context


class GuideListView(ListView):
    template_name = "guides/guide_list.html"
    context_object_name = "topic_groups"

    def get_queryset(self):
        return group_by_topic(
            visible(Guide.objects.all()),
            topic_of=guide_topic_id,
            item_key=lambda guide: guide.title,
        )


class GuideDetailView(ApprovedOrPreviewMixin, DetailView):
    model = Guide
    template_name = "guides/guide_detail.html"
    context_object_name = "guide"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lookup = working_in_bulk if self.shows_working_copy() else visible_in_bulk
        context.update(guide_page(context["content"], lookup=lookup))
        return context


class IndicationListView(ListView):
    template_name = "guides/indication_list.html"
    context_object_name = "indications"

    def get_queryset(self):
        return visible(CancerIndication.objects.all())


class IndicationDetailView(ApprovedOrPreviewMixin, DetailView):
    model = CancerIndication
    template_name = "guides/indication_detail.html"
    context_object_name = "indication"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        guides = Guide.objects.filter(indications=self.object).order_by(
            "topic__order", "title"
        )
        if self.shows_working_copy():
            context["guides"] = list(working_in_bulk(Guide, guides).values())
        else:
            context["guides"] = visible(guides)
        return context
