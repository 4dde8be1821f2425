"""The desk's budget pages: adopted decisions and how each is reflected in the budget.

Adoption is not a budget (Saga). Adopted proposals left without one are the candidates for the
civic fund's designated donations and for pro bono support; the list starts with them.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kyoso.core.fiscal import format_fiscal_year
from kyoso.core.forms import apply_errors
from kyoso.organizations.models import BodyMembership, Department, GovernmentBody
from kyoso.organizations.predicates import body_roles
from kyoso.proposals.models import Decision

from .. import services
from ..forms import BudgetForm, parse_loaded_at
from ..models import BudgetReflection
from ..services import CollaborationChangedError, CollaborationTransitionError
from ..services.budget import initial_for

SHOW = ("without", "requested", "reflected", "all")


def desk_body_ids(user) -> list[int]:
    return [body_id for body_id, roles in body_roles(user).items()
            if any(role == BodyMembership.Role.DESK for role, _ in roles)]


def adopted_decisions(body_ids):
    return (Decision.objects.effective()
            .filter(outcome__in=Decision.ADOPTED, assignment__proposal__body_id__in=body_ids)
            .select_related("assignment__department", "assignment__proposal__organization",
                            "assignment__proposal__body", "budget_reflection"))


def without_budget(queryset):
    """No record and no amount given when deciding, or recorded as not reflected."""
    return queryset.filter(
        Q(budget_reflection__isnull=True, budget_reflected_yen__isnull=True)
        | Q(budget_reflection__status=BudgetReflection.Status.NOT_REFLECTED)
    )


@login_required
@require_GET
def budget_list(request):
    body_ids = desk_body_ids(request.user)
    if not body_ids:
        raise PermissionDenied
    decisions = adopted_decisions(body_ids)
    years = sorted({y for y in decisions.values_list("assignment__proposal__fiscal_year",
                                                     flat=True) if y}, reverse=True)
    departments = Department.objects.filter(body_id__in=body_ids, is_desk=False).order_by(
        "body__code", "bureau", "name")
    show = request.GET.get("show", "without")
    show = show if show in SHOW else "without"
    if show == "without":
        decisions = without_budget(decisions)
    elif show == "requested":
        decisions = decisions.filter(budget_reflection__status=BudgetReflection.Status.REQUESTED)
    elif show == "reflected":
        decisions = decisions.filter(
            Q(budget_reflection__status=BudgetReflection.Status.REFLECTED)
            | Q(budget_reflection__isnull=True, budget_reflected_yen__isnull=False))
    year = request.GET.get("fiscal_year", "")
    if year.isdigit():
        decisions = decisions.filter(assignment__proposal__fiscal_year=int(year))
    department = request.GET.get("department", "")
    if department.isdigit():
        decisions = decisions.filter(assignment__department_id=int(department))
    decisions = decisions.order_by("-assignment__proposal__fiscal_year",
                                   "assignment__department__name", "pk")
    page = Paginator(decisions, 50).get_page(request.GET.get("page"))
    for decision in page:
        decision.budget = initial_for(decision)
    return render(request, "collaborations/budget_list.html", {
        "page": page, "show": show, "year": year, "department": department,
        "fiscal_years": [(y, format_fiscal_year(y)) for y in years],
        "departments": [(d.pk, d.display_name) for d in departments],
        "shows": [("without", _("Adopted without a budget")),
                  ("requested", _("Budget requested")),
                  ("reflected", _("Reflected in the budget")), ("all", _("All adopted"))],
        "several_bodies": len(body_ids) > 1,
        "bodies": GovernmentBody.objects.filter(pk__in=body_ids),
    })


@login_required
@require_http_methods(["GET", "POST"])
def budget_edit(request, decision_pk):
    user = request.user
    decision = (Decision.objects.select_related(
        "assignment__department", "assignment__proposal__body",
        "assignment__proposal__organization").filter(pk=decision_pk).first())
    if decision is None or not rules.has_perm("collaborations.view_budget", user, decision):
        raise Http404
    reflection = BudgetReflection.objects.filter(decision=decision).first()
    initial = {**initial_for(decision),
               "loaded_at": reflection.updated_at.isoformat() if reflection else ""}
    form = BudgetForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        loaded_at = parse_loaded_at(data.pop("loaded_at"))
        try:
            services.budget_record(actor=user, decision=decision, **data,
                                   expected_updated_at=loaded_at)
        except CollaborationChangedError as error:
            # What was typed stays; the next save overwrites knowingly.
            form.add_error(None, error)
            form.data = form.data.copy()
            current = BudgetReflection.objects.filter(decision=decision).first()
            form.data["loaded_at"] = current.updated_at.isoformat() if current else ""
            status = 409
        except CollaborationTransitionError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The budget was recorded."))
            if desk_body_ids(user):
                return redirect("collaborations:budget_list")
            return redirect("collaborations:budget", decision.pk)
    return render(request, "collaborations/budget_form.html", {
        "decision": decision, "proposal": decision.assignment.proposal, "form": form,
        "may_record": rules.has_perm("collaborations.record_budget", user, decision),
        "is_desk": bool(desk_body_ids(user)),
    }, status=status)
