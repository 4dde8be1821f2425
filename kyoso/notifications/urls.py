from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notices/", views.notice_list, name="list"),
    path("notices/<int:pk>/", views.notice_open_view, name="open"),
    path("notices/read-all/", views.notice_read_all, name="read_all"),
    path("notices/settings/", views.notice_settings, name="settings"),
]
