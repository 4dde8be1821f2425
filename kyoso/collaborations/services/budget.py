"""Budget reflection of adopted decisions (Saga: adoption ≠ budgetary provision)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kyoso.core.audit import audit_record
from kyoso.proposals.models import Decision

from ..models import BudgetReflection
from ._common import NOT_CHECKED, CollaborationTransitionError, require_perm, require_unchanged

FIELDS = ("status", "amount_yen", "fiscal_year", "budget_line", "budget_project", "note")


def initial_for(decision: Decision) -> dict:
    """What the record starts from: the figures the department gave when it decided."""
    reflection = getattr(decision, "budget_reflection", None)
    if reflection is not None:
        return {name: getattr(reflection, name) for name in FIELDS}
    status = ""
    if decision.budget_reflected_yen:
        status = BudgetReflection.Status.REFLECTED
    return {
        "status": status,
        "amount_yen": decision.budget_reflected_yen,
        "fiscal_year": decision.budget_fiscal_year,
        "budget_line": "", "budget_project": "", "note": "",
    }


@transaction.atomic
def budget_record(*, actor, decision: Decision, status: str, amount_yen: int | None = None,
                  fiscal_year: int | None = None, budget_line: str = "",
                  budget_project: str = "", note: str = "",
                  expected_updated_at=NOT_CHECKED) -> BudgetReflection:
    """Record (or update) how an adopted decision is reflected in the budget.

    This record is the maintained truth; the decision keeps what was said when deciding.
    ``expected_updated_at``: the record's time when the form was loaded (``None``: there was
    none); a save in between is refused instead of overwritten.
    """
    # The decision's row is the lock: two first saves wait for each other instead of racing
    # into the one-to-one constraint.
    decision = (Decision.objects.select_for_update(of=("self",))
                .select_related("assignment__proposal__body").get(pk=decision.pk))
    if not (decision.is_adopted and decision.is_effective):
        raise CollaborationTransitionError(
            _("Only an adoption in effect has a budget to record."), code="not_adopted"
        )
    require_perm(actor, "collaborations.record_budget", decision)
    errors = {}
    if status not in BudgetReflection.Status.values:
        errors["status"] = _("Choose the budget status.")
    if amount_yen is not None and amount_yen < 0:
        errors["amount_yen"] = _("The amount cannot be negative.")
    if status == BudgetReflection.Status.REFLECTED:
        if amount_yen is None:
            errors["amount_yen"] = _("Give the amount reflected in the budget.")
        if fiscal_year is None:
            errors["fiscal_year"] = _("Give the fiscal year of the budget.")
    if errors:
        raise ValidationError(errors)
    values = {"status": status, "amount_yen": amount_yen, "fiscal_year": fiscal_year,
              "budget_line": (budget_line or "").strip(),
              "budget_project": (budget_project or "").strip(), "note": (note or "").strip()}
    reflection = BudgetReflection.objects.filter(decision=decision).first()
    require_unchanged(reflection.updated_at if reflection else None, expected_updated_at)
    before = {name: getattr(reflection, name) for name in FIELDS} if reflection else {}
    if reflection is None:
        reflection = BudgetReflection(decision=decision)
    for name, value in values.items():
        setattr(reflection, name, value)
    reflection.updated_by = actor
    reflection.save()
    changes = {name: [before.get(name), values[name]] for name in FIELDS
               if name != "note" and before.get(name) != values[name]}
    audit_record(actor=actor, action="collaborations.budget.record", target=reflection,
                 body_code=decision.assignment.proposal.body.code,
                 from_state=before.get("status", ""), to_state=status, changes=changes)
    return reflection
