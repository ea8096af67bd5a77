from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from guides.models import CancerIndication, Guide
from reviews.selectors import for_patients, show_approved


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        guides = for_patients(Guide.objects.all()).select_related("topic")
        context["featured_guides"] = show_approved(guides.filter(featured=True)[:3])
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
