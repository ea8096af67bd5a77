from django.urls import path

from . import views

app_name = "inquiries"
urlpatterns = [path("inquire/", views.inquiry_placeholder, name="create")]
