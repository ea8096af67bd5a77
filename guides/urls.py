from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("guides/", views.GuideListView.as_view(), name="list"),
    path("guides/<slug:slug>/", views.GuideDetailView.as_view(), name="detail"),
    path("cancers/", views.IndicationListView.as_view(), name="indications"),
    path(
        "cancers/<slug:slug>/",
        views.IndicationDetailView.as_view(),
        name="indication",
    ),
]
