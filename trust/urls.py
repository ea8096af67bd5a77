from django.urls import path

from . import views

app_name = "trust"
urlpatterns = [
    path("about/reviewers/", views.ReviewerListView.as_view(), name="reviewers"),
    path(
        "about/reviewers/<int:pk>/",
        views.ReviewerDetailView.as_view(),
        name="reviewer",
    ),
    path("about/<slug:slug>/", views.TrustPageView.as_view(), name="page"),
]
