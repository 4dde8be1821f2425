"""URLs of the public pages of the collaboration desk: results and statistics of a body."""

from django.urls import path

from .views import public

urlpatterns = [
    path("bodies/<str:code>/results/", public.results, name="public_results"),
    path("statistics/<str:code>/", public.statistics, name="public_statistics"),
    path(
        "statistics/<str:code>/proposals.csv",
        public.statistics_download,
        name="public_statistics_csv",
    ),
]
