from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from cancerfax.structured_data import breadcrumbs
from reviews.models import ContentVersion, ReviewRecord
from reviews.views import ApprovedOrPreviewMixin

from .models import TrustPage
from .selectors import public_reviewers

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
            (context["content"].title, self.object.get_absolute_url())
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


class ReviewerListView(ListView):
    template_name = "trust/reviewer_list.html"
    context_object_name = "reviewers"

    def get_queryset(self):
        return public_reviewers().order_by("kind", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = breadcrumbs(
            (_("Our medical reviewers"), self.request.path)
        )
        return context


class ReviewerDetailView(DetailView):
    """A reviewer's public profile, as it reads now (signatures keep their copy)."""

    template_name = "trust/reviewer_detail.html"
    context_object_name = "reviewer"

    def get_queryset(self):
        shown = public_reviewers().order_by("name")
        return public_reviewers().prefetch_related(
            Prefetch("members", queryset=shown), Prefetch("panels", queryset=shown)
        )

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            raise Http404(_("No such reviewer.")) from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = breadcrumbs(
            (_("Our medical reviewers"), "trust:reviewers"),
            (self.object.name, self.request.path),
        )
        return context
