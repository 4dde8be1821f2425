from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<str:code>/", views.body_detail, name="body_detail"),
    path("manage/bodies/<str:code>/staff/", views.body_staff, name="body_staff"),
    path(
        "manage/bodies/<str:code>/staff/<int:pk>/remove/",
        views.body_staff_remove,
        name="body_staff_remove",
    ),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/new/", views.organization_register, name="organization_register"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.organization_update, name="organization_update"),
    path("organizations/<int:pk>/join/", views.organization_join, name="organization_join"),
    path("organizations/<int:pk>/leave/", views.organization_leave, name="organization_leave"),
    path(
        "organizations/<int:pk>/members/",
        views.organization_members,
        name="organization_members",
    ),
    path(
        "organizations/<int:pk>/members/<int:membership_pk>/<str:action>/",
        views.organization_member_action,
        name="organization_member_action",
    ),
]
