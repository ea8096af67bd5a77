from django.urls import path

from . import views

app_name = "faq"
urlpatterns = [path("faq/", views.FaqListView.as_view(), name="list")]
