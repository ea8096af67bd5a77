from django.urls import path

from . import portal

app_name = "casework"
urlpatterns = [
    path("my-inquiry/<str:token>/", portal.portal, name="portal"),
]
