from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

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
    # The patient's secure link stays one address whatever the page language:
    # it is sent once by e-mail and renders in the inquiry's own language.
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
# Patient pages in each language of settings.LANGUAGES: English keeps its
# addresses (/guides/...), the others are under their code (/ar/guides/...).
urlpatterns += i18n_patterns(
    # The words of the inquiry scripts, in the page's language (locale/*/djangojs).
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("guides.home_urls")),
    path("", include("guides.urls")),
    path("", include("faq.urls")),
    path("", include("glossary.urls")),
    path("", include("trust.urls")),
    path("", include("search.urls")),
    path("", include("inquiries.urls")),
    prefix_default_language=False,
)

handler500 = "cancerfax.views.server_error"
