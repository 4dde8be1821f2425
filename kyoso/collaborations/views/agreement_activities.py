"""Activities logged directly under an agreement (work that has no collaboration record of its
own, e.g. a liaison meeting under a comprehensive agreement): the list and a form to log one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kyoso.core.forms import apply_errors, create_once, earlier_submission

from .. import services
from ..forms import NewActivityForm
from ..services.progress import may_log_under_agreement

LOG_ACTIVITY = "collaborations.agreement_activity.log"


@login_required
@require_http_methods(["GET", "POST"])
def agreement_activities(request, agreement_pk):
    from kyoso.agreements.selectors import agreement_for

    agreement = agreement_for(request.user, agreement_pk)
    # The same form sent again (a double click, a resent page): the activity is logged.
    if earlier_submission(request, LOG_ACTIVITY) is not None:
        return redirect("collaborations:agreement_activities", agreement.pk)
    may_log = may_log_under_agreement(request.user, agreement)
    form = NewActivityForm(request.POST or None) if may_log else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            key = data.pop("submission_key")
            try:
                _pk, replayed = create_once(
                    user=request.user, key=key, operation=LOG_ACTIVITY,
                    create=lambda: services.activity_log(actor=request.user,
                                                         agreement=agreement, **data))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if not replayed:
                    messages.success(request, _("The activity was logged."))
                return redirect("collaborations:agreement_activities", agreement.pk)
    return render(request, "collaborations/agreement_activities.html", {
        "agreement": agreement, "form": form,
        "activities": agreement.activities.all(),
        "collaborations": agreement.collaborations.filter(published_at__isnull=False),
    })
