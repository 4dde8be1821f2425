"""A URLconf for the page cache's own tests: one page that uses a CSRF token, one that does not."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from kyoso.core.page_cache import cache_public_page

calls: list[str] = []


@cache_public_page(lambda: "state")
def form(request):
    calls.append("form")
    token = get_token(request)
    return HttpResponse(f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">')


@cache_public_page(lambda: "state")
def plain(request):
    calls.append("plain")
    return HttpResponse("plain")


urlpatterns = [path("form/", form), path("plain/", plain)]
