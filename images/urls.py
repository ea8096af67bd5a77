from django.urls import path

from . import views

app_name = "images"

urlpatterns = [
    path("images/preview/<int:pk>/", views.preview, name="preview"),
    path("images/picker/", views.library, name="library"),
    path("images/<path:name>", views.rendition, name="rendition"),
]
