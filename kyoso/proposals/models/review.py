"""Routing a proposal to departments (担当課) and their decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm

from .proposals import Proposal


class Assignment(models.Model):
    """One department asked to consider one proposal, by a due date from the body's rule."""

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for the department")
        ANSWERED = "answered", _("Answered")
        REASSIGNED = "reassigned", _("Reassigned")
        CANCELLED = "cancelled", _("Cancelled")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assignments")
    department = models.ForeignKey(
        "organizations.Department", verbose_name=_("department"),
        on_delete=models.PROTECT, related_name="proposal_assignments",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.OPEN, db_index=True
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    due_at = models.DateTimeField(_("answer due"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reassigned_to = models.ForeignKey(
        "self", verbose_name=_("reassigned to"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["proposal", "assigned_at", "id"]
        constraints = [
            # A department holds a proposal at most once at a time, so that it is decided (and
            # counted in the statistics) once per department.
            models.UniqueConstraint(
                fields=["proposal", "department"], condition=Q(state__in=["open", "answered"]),
                name="assignment_one_live_per_department",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["open", "answered", "reassigned", "cancelled"]),
                name="assignment_state_known",
            ),
            models.CheckConstraint(
                condition=~Q(state="answered") | Q(answered_at__isnull=False),
                name="assignment_answered_has_time",
            ),
        ]
        indexes = [models.Index(fields=["department", "state"], name="assignment_dept_state_idx")]

    def __str__(self):
        return f"{self.proposal} → {self.department}"

    @property
    def is_live(self) -> bool:
        return self.state in (self.State.OPEN, self.State.ANSWERED)

    def current_decision(self):
        return self.decisions.filter(superseded_at__isnull=True).first()


class DecisionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_at__isnull=True)

    def effective(self):
        return self.filter(superseded_at__isnull=True, effective_at__isnull=False)


class Decision(models.Model):
    """A department's decision on an assignment.

    It takes effect at once, except a non-adoption where the body follows the principle of saying
    yes (Saga): that waits for the desk's countersignature. A decision that has not taken effect
    may be replaced (the old row is kept, marked superseded).
    """

    class Outcome(models.TextChoices):
        ADOPT_THIS_YEAR = "adopt_this_year", _("Adopted (this fiscal year)")
        ADOPT_LATER_YEAR = "adopt_later_year", _("Adopted (a later fiscal year)")
        ADOPT_BY_ABOLITION = "adopt_by_abolition", _("Adopted (by abolishing the current project)")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        TAKEN_AS_OPINION = "taken_as_opinion", _("Taken as an opinion")

    ADOPTED = (Outcome.ADOPT_THIS_YEAR, Outcome.ADOPT_LATER_YEAR, Outcome.ADOPT_BY_ABOLITION)

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    collaboration_form = models.CharField(
        _("form of collaboration"), max_length=20, choices=CollaborationForm.choices, blank=True
    )
    reasons = models.TextField(_("reasons"), blank=True)
    budget_reflected_yen = models.BigIntegerField(
        _("budget reflected (yen)"), null=True, blank=True
    )
    budget_fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year of the budget"), null=True, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"))
    needs_countersignature = models.BooleanField(_("needs the desk's countersignature"))
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("countersigned by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    countersigned_at = models.DateTimeField(_("countersigned"), null=True, blank=True)
    effective_at = models.DateTimeField(_("in effect since"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    # The desk may refuse to countersign a non-adoption: the decision is superseded and the
    # department decides again, told why.
    countersign_refusal = models.TextField(_("why the desk did not countersign"), blank=True)
    # Disclosure review before publishing: the wording of the reasons the public reads. None means
    # never reviewed (the reasons are published as given); "" means withheld.
    public_reasons = models.TextField(  # noqa: DJ001 - None (never reviewed) is not "" (withheld)
        _("reasons as published"), null=True, blank=True
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["assignment", "decided_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment"], condition=Q(superseded_at__isnull=True),
                name="decision_one_current_per_assignment",
            ),
            # Reasons are mandatory for anything but adoption.
            models.CheckConstraint(
                condition=Q(
                    outcome__in=["adopt_this_year", "adopt_later_year", "adopt_by_abolition"]
                )
                | ~Q(reasons=""),
                name="decision_reasons_unless_adopted",
            ),
            models.CheckConstraint(
                condition=Q(
                    outcome__in=[
                        "adopt_this_year", "adopt_later_year", "adopt_by_abolition",
                        "not_adopted", "taken_as_opinion",
                    ]
                ),
                name="decision_outcome_known",
            ),
            # Under the principle of saying yes, no countersignature, no effect.
            models.CheckConstraint(
                condition=Q(needs_countersignature=False)
                | Q(effective_at__isnull=True)
                | Q(countersigned_at__isnull=False),
                name="decision_countersigned_before_effect",
            ),
            models.CheckConstraint(
                condition=Q(countersigned_at__isnull=True) | Q(countersigned_by__isnull=False),
                name="decision_countersignature_has_person",
            ),
            models.CheckConstraint(
                condition=Q(budget_reflected_yen__isnull=True) | Q(budget_reflected_yen__gte=0),
                name="decision_budget_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.assignment}: {self.get_outcome_display()}"

    @property
    def is_adopted(self) -> bool:
        return self.outcome in self.ADOPTED

    @property
    def published_reasons(self) -> str | None:
        """What the public reads as the reasons: none for an adoption, else the reviewed text."""
        if self.is_adopted:
            return None
        return self.reasons if self.public_reasons is None else self.public_reasons

    @property
    def is_effective(self) -> bool:
        return self.effective_at is not None and self.superseded_at is None
