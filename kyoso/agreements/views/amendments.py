"""Recording a signed amendment (変更協定・変更覚書) of an agreement: one form of the keeping
body's desk, starting from the agreement's current end and items. A second submission of the
same form (its ``submission_key``) lands on the amendment already recorded."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors

from .. import services
from ..forms import AmendmentForm
from ..services import AgreementChangedError
from .manage import _agreement_for_action, _files, _posted, _refusal, _version

PERM = "agreements.amend_agreement"


def _amend_refusal(request, agreement) -> str:
    if agreement.state == agreement.State.DRAFT:
        return _("A draft agreement is not amended: edit it instead.")
    return _refusal(request, agreement, PERM, "amend")


@login_required
@require_http_methods(["GET", "POST"])
def amendment_add(request, pk):
    agreement = _agreement_for_action(request, pk, PERM)
    refusal = _amend_refusal(request, agreement)
    form = AmendmentForm(_posted(request), _files(request), agreement=agreement,
                         initial=AmendmentForm.initial_of(agreement))
    status = 200
    if request.method == "POST":
        if refusal:
            status = 409
        elif form.is_valid():
            try:
                amendment = services.amendment_record(
                    actor=request.user, agreement=agreement, **form.service_values(),
                    expected_version=_version(request),
                )
            except AgreementChangedError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Amendment %(number)s was recorded and applied to "
                                            "the agreement.") % {"number": amendment.number})
                url = reverse("agreements:detail", args=[agreement.pk])
                return redirect(f"{url}#amendment-{amendment.number}")
    return render(request, "agreements/amendment_form.html", {
        "agreement": agreement, "form": form, "refusal": refusal,
        "items": list(agreement.items.all()),
        # A browser does not send a file again after a mistake: say so.
        "file_lost": bool(form.errors and request.FILES),
    }, status=status)
