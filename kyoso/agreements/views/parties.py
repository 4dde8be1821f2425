"""The partners page of a draft agreement: find an organization by searching for it (kanji,
kana or English), add it, and put the partners in signing order. Without JavaScript: the search
is a GET form, each change a small POST form, and after a change the page comes back with the
same search.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors
from kyoso.core.text import normalize

from .. import selectors, services
from ..forms import PartnerChangeForm
from .manage import _agreement_for_action, _posted, _refusal

PERM = "agreements.change_partners"


def _change(request, agreement, data) -> str:
    organization = data["organization"]
    name = organization.display_name
    if data["action"] == "add":
        services.agreement_partner_add(actor=request.user, agreement=agreement,
                                       organization=organization)
        return _("%(name)s is now a partner of the agreement.") % {"name": name}
    if data["action"] == "remove":
        services.agreement_partner_remove(actor=request.user, agreement=agreement,
                                          organization=organization)
        return _("%(name)s is no longer a partner of the agreement.") % {"name": name}
    services.agreement_partner_move(actor=request.user, agreement=agreement,
                                    organization=organization, position=data["position"])
    return _("The signing order was changed.")


@login_required
@require_http_methods(["GET", "POST"])
def partners(request, pk):
    agreement = _agreement_for_action(request, pk, PERM)
    refusal = _refusal(request, agreement, PERM, "parties")
    query = normalize(request.GET.get("q") or request.POST.get("q") or "")[:100]
    form = PartnerChangeForm(_posted(request))
    status = 200
    if request.method == "POST":
        if refusal:
            status = 409
        elif form.is_valid():
            try:
                done = _change(request, agreement, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
                status = 409
            else:
                messages.success(request, done)
                url = reverse("agreements:partners", args=[agreement.pk])
                return redirect(f"{url}?{urlencode({'q': query})}" if query else url)
    found, too_many = ([], False) if refusal else selectors.partner_candidates(agreement, query)
    return render(request, "agreements/partners.html", {
        "agreement": agreement,
        "chosen": selectors.partners_in_order(agreement),
        "form": form,
        "query": query,
        "found": found,
        "too_many": too_many,
        "limit": selectors.PARTNER_MATCHES_LISTED,
        "refusal": refusal,
    }, status=status)
