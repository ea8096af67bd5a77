from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from cancerfax.structured_data import breadcrumbs
from glossary.selectors import glossary_terms
from reviews.selectors import visible, visible_in_bulk, working_in_bulk
from reviews.views import ApprovedOrPreviewMixin
from topics.selectors import group_by_topic
from trust.context_processors import TrustLinks
from trust.models import TrustPage
from trust.selectors import contact_details

from .models import CancerIndication, Guide
from .pages import (
    guide_page,
    guide_topic_id,
    indication_references,
    sections_fragment_key,
    with_topics,
)
from .structured_data import citation, guide_about, home_organization


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        featured = Guide.objects.filter(featured=True).order_by("topic__order", "title")
        context["featured_guides"] = visible(featured, limit=3)
        with_topics(context["featured_guides"])
        context["indications"] = visible(CancerIndication.objects.all(), limit=8)
        context["organization_json_ld"] = home_organization(contact_details())
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = breadcrumbs((_("Guides"), "guides:list"))
        return context


class GuideDetailView(ApprovedOrPreviewMixin, DetailView):
    model = Guide
    template_name = "guides/guide_detail.html"
    context_object_name = "guide"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        preview = self.shows_working_copy()
        lookup = working_in_bulk if preview else visible_in_bulk
        page = guide_page(context["content"], lookup=lookup)
        context.update(page)
        context["glossary_terms"] = glossary_terms()
        # Read here, once, for the footer too: the call to action shows the
        # funding page's fee disclosure, so its kept copy names that page.
        context["trust_pages"] = trust_links = TrustLinks()
        context["sections_key"] = (
            None
            if preview
            else sections_fragment_key(
                context["guide"],
                page,
                [*context["glossary_terms"], trust_links[TrustPage.Kind.FUNDING]],
            )
        )
        if context["sections_key"] is not None:
            context["lead_key"] = f"{context['sections_key']}:lead"
        context["breadcrumbs"] = breadcrumbs(
            (_("Guides"), "guides:list"),
            (
                context["content"].title,
                self.object.get_absolute_url(),
                context["guide"].language,
            ),
        )
        if context["review_json_ld"]:
            context["review_json_ld"].update(
                about=guide_about(page["topic"], page["sections"]),
                citation=[citation(ref) for ref in context["content"].references],
            )
        return context


class IndicationListView(ListView):
    template_name = "guides/indication_list.html"
    context_object_name = "indications"

    def get_queryset(self):
        return visible(CancerIndication.objects.all())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = breadcrumbs((_("Cancer types"), "guides:indications"))
        return context


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
        context["references"] = indication_references(context["content"])
        context["breadcrumbs"] = breadcrumbs(
            (_("Cancer types"), "guides:indications"),
            (
                context["content"].name,
                self.object.get_absolute_url(),
                context["indication"].language,
            ),
        )
        if context["review_json_ld"]:
            context["review_json_ld"]["about"] = {
                "@type": "MedicalCondition",
                "name": context["content"].name,
            }
        return context
