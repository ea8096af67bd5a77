from django.urls import path

from . import views

app_name = "inquiries"
urlpatterns = [
    path("inquire/", views.inquiry_create, name="create"),
    path("inquire/thanks/", views.inquiry_thanks, name="thanks"),
]
