"""The case library: public list and pages; the desk makes a case from a collaboration."""

from __future__ import annotations

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kyoso.core.choices import PolicyField
from kyoso.core.text import normalize, search_terms

from . import services
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
    })


class CaseForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("Summary"),
                              widget=forms.Textarea(attrs={"rows": 5}))
    outcomes = forms.CharField(label=gettext_lazy("Outcomes"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    what_worked = forms.CharField(label=gettext_lazy("What worked"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(label=gettext_lazy("Lessons"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    publish = forms.BooleanField(label=gettext_lazy("Publish in the case library now"),
                                 required=False, initial=True)


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
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The case was saved."))
            return redirect("cases:detail", case.pk)
    return render(request, "cases/new.html", {"form": form, "collaboration": collaboration})


@login_required
@require_POST
def case_publish(request, pk):
    case = case_for(request.user, pk)
    try:
        services.case_publish(actor=request.user, case=case)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The case is published."))
    return redirect("cases:detail", case.pk)
