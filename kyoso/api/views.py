"""The page where a signed-in person manages their API tokens (under their account).

Making a token answers the POST with a page that shows the secret once, marked ``no-store``:
it is not kept anywhere (not even in the session) and cannot be shown again.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors

from .forms import ApiTokenForm
from .models import ApiToken
from .tokens import api_token_create, api_token_revoke, second_factor_required, staff_totp_since


def _may_make_tokens(user) -> bool:
    return not (second_factor_required(user) and staff_totp_since(user) is None)


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = api_token_create(
                actor=request.user, name=form.cleaned_data["name"],
                lifetime_days=form.cleaned_data["lifetime_days"],
            )
        except PermissionDenied as refused:
            form.add_error(None, str(refused) or _("You may not make API tokens."))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            response = render(request, "api/token_created.html", {
                "token": token,
                "secret": secret,
                "api_base": request.build_absolute_uri("/api/v1/"),
            })
            # The secret must not stay in any cache, the browser's included.
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
            return response
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id")
    return render(request, "api/tokens.html", {
        "form": form,
        "tokens": tokens,
        "may_make_tokens": _may_make_tokens(request.user),
        "docs_url": "/api/v1/docs",
    }, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk):
    # Another person's token answers 404, as one that does not exist.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is not None:
        messages.info(request, _("This token was already revoked."))
        return redirect("api_tokens:list")
    if request.method == "POST":
        api_token_revoke(actor=request.user, token=token)
        messages.success(
            request, _("The token “%(name)s” was revoked. Scripts using it are refused from now "
                       "on.") % {"name": token.name}
        )
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {
        "token": token, "cancel_url": reverse("api_tokens:list"),
    })
