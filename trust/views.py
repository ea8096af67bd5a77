from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from cancerfax.structured_data import breadcrumbs
from reviews.models import ContentVersion, Reviewer, ReviewRecord
from reviews.views import ApprovedOrPreviewMixin

from .models import TrustPage
from .selectors import public_reviewers, reviewer_links

# schema.org types: these pages are about the publisher, not medical pages.
PAGE_TYPES = {
    TrustPage.Kind.ABOUT: "AboutPage",
    TrustPage.Kind.FUNDING: "AboutPage",
    TrustPage.Kind.CONTACT: "ContactPage",
}


class TrustPageView(ApprovedOrPreviewMixin, DetailView):
    """An about or policy page: its approved words and its review line."""

    model = TrustPage
    template_name = "trust/trust_page.html"
    context_object_name = "page"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = breadcrumbs(
            (
                context["content"].title,
                self.object.get_absolute_url(),
                context["page"].language,
            )
        )
        if context["review_json_ld"]:
            context["review_json_ld"]["@type"] = PAGE_TYPES.get(
                self.object.kind, "WebPage"
            )
        if self.object.kind == TrustPage.Kind.PRIVACY and not context["is_preview"]:
            # The version patients' consents point at, and since when it applies.
            version = ContentVersion.objects.of(self.object).approved().first()
            context["notice_version"] = version
            context["notice_in_effect"] = (
                version.records.filter(outcome=ReviewRecord.Outcome.APPROVED)
                .order_by("reviewed_on")
                .values_list("reviewed_on", flat=True)
                .first()
            )
        return context


class ReviewerListView(TemplateView):
    template_name = "trust/reviewer_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reviewers"] = public_reviewers()
        context["breadcrumbs"] = breadcrumbs(
            (_("Our medical reviewers"), self.request.path)
        )
        return context


class ReviewerDetailView(ApprovedOrPreviewMixin, DetailView):
    """A reviewer's public profile as last approved (signatures keep their copy).

    Whether the profile is a person or a panel, still active, and who belongs to
    which panel arrange the page; every word on it comes from approved profiles.
    """

    model = Reviewer
    template_name = "trust/reviewer_detail.html"
    context_object_name = "reviewer"

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            raise Http404(_("No such reviewer.")) from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            reviewer_links(self.object),
            reviewer_kind=self.object.kind,
            reviewer_active=self.object.is_active,
            breadcrumbs=breadcrumbs(
                (_("Our medical reviewers"), "trust:reviewers"),
                (
                    context["content"].name,
                    self.request.path,
                    context["reviewer"].language,
                ),
            ),
        )
        if context["review_json_ld"]:
            context["review_json_ld"]["@type"] = "ProfilePage"
        return context
