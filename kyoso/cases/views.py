"""The case library: public list and pages; the desk makes a case from a collaboration,
corrects its texts, publishes it and takes it out of the library."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kyoso.core.choices import PolicyField
from kyoso.core.forms import apply_errors
from kyoso.core.text import normalize, search_terms

from . import services
from .forms import CaseEditForm, CaseForm, UnpublishForm
from .models import Case
from .rules import may_make_case


@require_safe
def case_list(request):
    words = normalize(request.GET.get("q", ""))[:100]
    field = request.GET.get("field", "")
    cases = Case.objects.published().select_related("body", "collaboration")
    if words:
        cases = cases.search(search_terms(words))
    if field in PolicyField.values:
        cases = cases.filter(fields__icontains=f'"{field}"')
    else:
        field = ""
    page = Paginator(cases, 20).get_page(request.GET.get("page"))
    return render(request, "cases/list.html", {
        "page": page, "words": words, "field": field, "fields": PolicyField.choices,
    })


def case_for(user, pk) -> Case:
    case = Case.objects.select_related("body", "collaboration").filter(pk=pk).first()
    if case is None or not rules.has_perm("cases.view_case", user, case):
        raise Http404
    return case


@require_safe
def case_detail(request, pk):
    case = case_for(request.user, pk)
    return render(request, "cases/detail.html", {
        "case": case,
        "may_publish": rules.has_perm("cases.publish_case", request.user, case),
        "may_change": rules.has_perm("cases.change_case", request.user, case),
        "may_unpublish": rules.has_perm("cases.unpublish_case", request.user, case),
    })


def _case_to_act_on(request, pk, perm: str) -> Case:
    """The case, if the viewer may see it (else 404) and do this to it (else 403)."""
    case = case_for(request.user, pk)
    if not rules.has_perm(perm, request.user, case):
        raise PermissionDenied
    return case


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, pk):
    """The desk corrects the texts, both languages. A save by someone else meanwhile is
    refused (409) with what was typed kept; the next save then overwrites knowingly."""
    case = _case_to_act_on(request, pk, "cases.change_case")
    form = CaseEditForm(request.POST or None, initial=CaseEditForm.initial_of(case))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(actor=request.user, case=case, **form.texts(),
                                 expected_updated_at=form.loaded_at_value())
        except services.CaseChangedError as error:
            form.add_error(None, error)
            form.data = form.data.copy()
            form.data["loaded_at"] = Case.objects.get(pk=case.pk).updated_at.isoformat()
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The case was saved."))
            return redirect("cases:detail", case.pk)
    return render(request, "cases/edit.html", {"form": form, "case": case}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def case_unpublish(request, pk):
    """Take a published case out of the library (it stays as a draft for the desk)."""
    case = case_for(request.user, pk)
    if not rules.has_perm("cases.change_case", request.user, case):
        raise PermissionDenied
    form = UnpublishForm(request.POST or None)
    if case.published_at is None:
        # Already out of the library (a second click, an old tab): nothing to do.
        messages.info(request, _("The case is not published."))
        return redirect("cases:detail", case.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_unpublish(actor=request.user, case=case,
                                    reason=form.cleaned_data["reason"])
        except ValidationError:
            # Another click took it out first, between our read and the service's lock.
            messages.info(request, _("The case is not published."))
            return redirect("cases:detail", case.pk)
        messages.success(request, _("The case was taken out of the case library. It is kept "
                                    "as a draft and can be published again."))
        return redirect("cases:detail", case.pk)
    return render(request, "cases/unpublish.html", {"form": form, "case": case})


@login_required
@require_http_methods(["GET", "POST"])
def case_new(request, collaboration_pk):
    """One action: the form comes prefilled from the collaboration and its evaluation."""
    from kyoso.collaborations.selectors import workspace_for

    collaboration = workspace_for(request.user, collaboration_pk)
    existing = Case.objects.filter(collaboration=collaboration).first()
    if existing is not None and rules.has_perm("cases.view_case", request.user, existing):
        # A second click (or an old tab): the case is already there.
        messages.info(request, _("This collaboration is already a case."))
        return redirect("cases:detail", existing.pk)
    if not may_make_case(request.user, collaboration):
        raise PermissionDenied
    form = CaseForm(request.POST or None, initial=services.prefill(collaboration))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        try:
            case = services.case_create_from_collaboration(
                actor=request.user, collaboration=collaboration, publish=publish, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The case was saved."))
            return redirect("cases:detail", case.pk)
    return render(request, "cases/new.html", {"form": form, "collaboration": collaboration})


@login_required
@require_POST
def case_publish(request, pk):
    case = case_for(request.user, pk)
    if not rules.has_perm("cases.change_case", request.user, case):
        raise PermissionDenied
    if case.published_at is not None:
        # A second click: the first one published it.
        messages.info(request, _("The case is already published."))
        return redirect("cases:detail", case.pk)
    try:
        services.case_publish(actor=request.user, case=case)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The case is published."))
    return redirect("cases:detail", case.pk)
