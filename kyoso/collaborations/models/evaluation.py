"""Joint evaluation (MOFA–NGO style) of a collaboration by the department and the partner."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .collaborations import Collaboration

# The three criteria MOFA and NGOs evaluate on.
CRITERIA = ("relevance", "effectiveness", "process")


class Rating(models.IntegerChoices):
    HIGH = 4, _("High")
    FAIRLY_HIGH = 3, _("Fairly high")
    FAIRLY_LOW = 2, _("Fairly low")
    LOW = 1, _("Low")


class Evaluation(models.Model):
    """One joint evaluation: final (at the end) or of one fiscal year. It is final only when
    both sides have submitted; then the desk may publish it."""

    class State(models.TextChoices):
        OPEN = "open", _("Being written")
        FINAL = "final", _("Final")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="evaluations"
    )
    # None: the final evaluation at the end; a year: that fiscal year's evaluation.
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.OPEN)
    finalized_at = models.DateTimeField(_("final since"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        verbose_name = _("joint evaluation")
        verbose_name_plural = _("joint evaluations")
        ordering = ["collaboration", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "fiscal_year"], name="evaluation_one_per_year",
            ),
            models.UniqueConstraint(
                fields=["collaboration"], condition=Q(fiscal_year__isnull=True),
                name="evaluation_one_final",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(state="final"),
                name="evaluation_published_only_when_final",
            ),
            models.CheckConstraint(
                condition=Q(state="open") | Q(finalized_at__isnull=False),
                name="evaluation_final_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.collaboration}: {self.fiscal_year or 'final'}"

    @property
    def is_final_evaluation(self) -> bool:
        return self.fiscal_year is None


class EvaluationSide(models.Model):
    """What one side (the government or the partner) rates and says."""

    class Side(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        PARTNER = "partner", _("Partner")

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="sides")
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    relevance = models.PositiveSmallIntegerField(_("relevance of the policy"),
                                                 choices=Rating.choices)
    relevance_comment = models.TextField(_("comment on relevance"), blank=True)
    effectiveness = models.PositiveSmallIntegerField(_("effectiveness of the results"),
                                                     choices=Rating.choices)
    effectiveness_comment = models.TextField(_("comment on effectiveness"), blank=True)
    process = models.PositiveSmallIntegerField(_("appropriateness of the process"),
                                               choices=Rating.choices)
    process_comment = models.TextField(_("comment on the process"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("side of a joint evaluation")
        verbose_name_plural = _("sides of joint evaluations")
        ordering = ["evaluation", "side"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "side"], name="evaluation_side_once"),
            models.CheckConstraint(
                condition=Q(relevance__gte=1, relevance__lte=4)
                & Q(effectiveness__gte=1, effectiveness__lte=4)
                & Q(process__gte=1, process__lte=4),
                name="evaluation_side_ratings_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.evaluation} ({self.side})"
