"""How a collaboration advances: milestones, outcome indicators, progress reports, activities."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .collaborations import Collaboration

# The most people an activity may count: more than any meeting, event or visit gathers (a slip
# of the keyboard otherwise), and well within every database's integer column.
MAX_PARTICIPANTS = 1_000_000


class Milestone(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["collaboration", "due_on", "id"]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class Indicator(models.Model):
    """An outcome indicator: where it started (baseline), where it should get (target)."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_period = models.CharField(_("baseline period"), max_length=50, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")
        ordering = ["collaboration", "id"]

    def __str__(self):
        return self.name


class ProgressReport(models.Model):
    """A report the partner owes (requested, with a due date) and writes; the department
    accepts it or asks for changes."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="reports"
    )
    period = models.CharField(_("period"), max_length=50)
    due_on = models.DateField(_("due"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.REQUESTED
    )
    text = models.TextField(_("what was done"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_comments = models.TextField(_("comments of the department"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["collaboration", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["requested", "submitted", "changes_requested", "accepted"]),
                name="report_state_known",
            ),
            models.CheckConstraint(
                condition=Q(state="requested") | Q(submitted_at__isnull=False),
                name="report_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.collaboration}: {self.period}"


class IndicatorActual(models.Model):
    """A measured value of an indicator for a period. Reported values count once the report
    is accepted; values the department enters itself count at once."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    report = models.ForeignKey(
        ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="actuals"
    )
    period = models.CharField(_("period"), max_length=50)
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("actual"), max_digits=14, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        ordering = ["indicator", "measured_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "report"], condition=Q(report__isnull=False),
                name="actual_one_per_indicator_and_report",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"

    @property
    def counts(self) -> bool:
        return self.report_id is None or self.report.state == ProgressReport.State.ACCEPTED


class Activity(models.Model):
    """Something done together on a date: a meeting, an event, a training, a site visit.

    Logged under a collaboration, or directly under an agreement (work that has no
    collaboration record of its own).
    """

    collaboration = models.ForeignKey(
        Collaboration, null=True, blank=True, on_delete=models.CASCADE, related_name="activities"
    )
    agreement = models.ForeignKey(
        "agreements.Agreement", null=True, blank=True, on_delete=models.CASCADE,
        related_name="activities",
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("what"), max_length=200)
    place = models.CharField(_("where"), max_length=200, blank=True)
    participants = models.TextField(_("participants"), blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True,
                                                    blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField(_("logged"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(collaboration__isnull=False) | Q(agreement__isnull=False),
                name="activity_under_collaboration_or_agreement",
            ),
        ]

    def __str__(self):
        return self.title



