from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<str:code>/", views.body_detail, name="body_detail"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
]
