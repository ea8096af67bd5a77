from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from guides.models import CancerIndication, Guide, Topic
from reviews.selectors import for_patients, show_approved


class PublishedOrPreviewMixin:
    """Published objects for everyone; drafts too for staff who may view them.

    The view permission, not ``is_staff``, decides: a coordinator without content
    permissions does not see draft medical content.
    """

    def can_preview(self):
        opts = self.model._meta
        user = self.request.user
        return (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published()
        return context


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        guides = for_patients(Guide.objects.all()).select_related("topic")
        context["featured_guides"] = show_approved(guides.filter(featured=True)[:3])
        context["topics"] = Topic.objects.filter(
            guides__in=guides.values("pk")
        ).distinct()
        context["indications"] = show_approved(
            for_patients(CancerIndication.objects.all())[:8]
        )
        return context


@require_POST
def editor_upload_disabled(request):
    """Image upload is switched off in the editor; refuse anything sent here."""
    return JsonResponse(
        {"error": {"message": "Image upload is not enabled."}}, status=403
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /inquire/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
