"""Whether and how an adopted decision is reflected in the budget (adoption ≠ budget)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BudgetReflection(models.Model):
    """The maintained record of an adopted decision's budget.

    The decision's own ``budget_reflected_yen`` and ``budget_fiscal_year`` are what the
    department said when it decided; this record starts from them and is kept up to date as the
    budget request goes through (requested → reflected, or not reflected).
    """

    class Status(models.TextChoices):
        REFLECTED = "reflected", _("Reflected in the budget")
        REQUESTED = "requested", _("Requested (budget request made)")
        NOT_REFLECTED = "not_reflected", _("Not reflected")

    decision = models.OneToOneField(
        "proposals.Decision", on_delete=models.CASCADE, related_name="budget_reflection"
    )
    status = models.CharField(_("budget status"), max_length=20, choices=Status.choices)
    amount_yen = models.BigIntegerField(_("amount (yen)"), null=True, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year of the budget"), null=True,
                                                   blank=True)
    budget_line = models.CharField(_("budget line (款・項・目)"), max_length=200, blank=True)
    budget_project = models.CharField(_("budget project name (事業名)"), max_length=200,
                                      blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("budget reflection")
        verbose_name_plural = _("budget reflections")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["reflected", "requested", "not_reflected"]),
                name="budget_status_known",
            ),
            models.CheckConstraint(
                condition=Q(amount_yen__isnull=True) | Q(amount_yen__gte=0),
                name="budget_amount_not_negative",
            ),
            # Reflected means an amount in a fiscal year.
            models.CheckConstraint(
                condition=~Q(status="reflected")
                | Q(amount_yen__isnull=False, fiscal_year__isnull=False),
                name="budget_reflected_has_amount_and_year",
            ),
        ]

    def __str__(self):
        return f"{self.decision_id}: {self.get_status_display()}"
