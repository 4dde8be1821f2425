from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="list"),
    path("cases/<int:pk>/", views.case_detail, name="detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="edit"),
    path("cases/<int:pk>/publish/", views.case_publish, name="publish"),
    path("cases/<int:pk>/unpublish/", views.case_unpublish, name="unpublish"),
    path("cases/new/<int:collaboration_pk>/", views.case_new, name="new"),
]
