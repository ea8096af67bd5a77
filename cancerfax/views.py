from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST


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
