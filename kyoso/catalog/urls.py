from django.urls import path

from .views import manage, public, transfer

app_name = "catalog"
urlpatterns = [
    path("", public.home, name="home"),
    path("catalog/", public.project_list, name="project_list"),
    path("catalog/<int:pk>/", public.project_detail, name="project_detail"),
    path("manage/catalog/", manage.manage_list, name="manage_list"),
    path("manage/catalog/new/", manage.project_create, name="project_create"),
    path("manage/catalog/<int:pk>/edit/", manage.project_update, name="project_update"),
    path("manage/catalog/<int:pk>/delete/", manage.project_delete, name="project_delete"),
    path("manage/bodies/<str:code>/import/", transfer.import_catalog, name="import"),
    path("manage/bodies/<str:code>/export.<str:fmt>", transfer.export_catalog, name="export"),
]
