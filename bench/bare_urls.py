"""Kyoso's URLs plus ``/bench/bare``: the same server, middleware and workers, no database."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as kyoso_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare, name="bench_bare"), *kyoso_urlpatterns]
