"""The home page, named ``home`` outside the guides namespace."""

from django.urls import path

from .views import HomeView

urlpatterns = [path("", HomeView.as_view(), name="home")]
