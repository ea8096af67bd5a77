from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import staff_auth, views
from .sitemaps import SITEMAPS

admin.site.site_header = "CancerFax content and triage"
admin.site.site_title = "CancerFax admin"
admin.site.index_title = "Administration"
# Each role's own work first (cancerfax.admin_home), then Django's app list.
admin.site.index_template = "admin/home.html"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("guides.home_urls")),
    path("", include("guides.urls")),
    path("", include("faq.urls")),
    path("", include("glossary.urls")),
    path("", include("trust.urls")),
    path("", include("search.urls")),
    path("", include("inquiries.urls")),
    path("", include("casework.urls")),
    path("", include("images.urls")),
    path(
        "editor/upload/",
        views.editor_upload_disabled,
        name=settings.CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME,
    ),
    *staff_auth.urlpatterns(settings.ADMIN_URL),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler500 = "cancerfax.views.server_error"
