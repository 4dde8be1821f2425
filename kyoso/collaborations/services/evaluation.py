"""Joint evaluation (MOFA–NGO): both sides rate relevance, effectiveness and process and say
what they learnt; it is final only when both have submitted, and then the desk may publish it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import CRITERIA, Collaboration, Evaluation, EvaluationSide, Rating
from ..rules import EVALUABLE
from ._common import (
    CollaborationTransitionError,
    audit,
    lock,
    may,
    now,
    require_perm,
    require_state,
)
from .collaborations import conclude_if_evaluated

S = Collaboration.State


@transaction.atomic
def evaluation_start(*, actor, collaboration: Collaboration,
                     fiscal_year: int | None = None) -> Evaluation:
    """A fiscal year's evaluation while it runs, or the final one (``fiscal_year=None``) once
    it has finished."""
    collaboration = lock(collaboration)
    require_state(collaboration, "evaluate", *EVALUABLE)
    require_perm(actor, "collaborations.start_evaluation", collaboration)
    if fiscal_year is None and collaboration.state == S.RUNNING:
        raise CollaborationTransitionError(
            _("The final evaluation comes when the collaboration has finished; while it runs, "
              "evaluate a fiscal year."), code="not_finished",
        )
    if fiscal_year is not None and fiscal_year not in collaboration.fiscal_years() and not (
        collaboration.end_fiscal_year is None and fiscal_year >= collaboration.start_fiscal_year
    ):
        raise ValidationError({"fiscal_year": _("Choose a fiscal year of the collaboration.")})
    if collaboration.evaluations.filter(fiscal_year=fiscal_year).exists():
        raise CollaborationTransitionError(_("This evaluation has already been started."),
                                           code="already_started")
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(collaboration=collaboration,
                                                   fiscal_year=fiscal_year)
    except IntegrityError:
        raise CollaborationTransitionError(_("This evaluation has already been started."),
                                           code="already_started") from None
    audit(collaboration, actor=actor, verb="evaluation.start", target=evaluation,
          changes={"fiscal_year": fiscal_year})
    return evaluation


def side_of(actor, evaluation: Evaluation) -> str | None:
    """Which side the actor writes for; the government's if the actor is both."""
    if may(actor, "collaborations.evaluate_as_government", evaluation):
        return EvaluationSide.Side.GOVERNMENT
    if may(actor, "collaborations.evaluate_as_partner", evaluation):
        return EvaluationSide.Side.PARTNER
    return None


@transaction.atomic
def evaluation_side_submit(*, actor, evaluation: Evaluation, ratings: dict,
                           comments: dict | None = None, lessons: str = "") -> EvaluationSide:
    """One side's ratings (1–4 on each criterion), comments and lessons. When the other side
    has submitted too, the evaluation becomes final; a final evaluation of a finished
    collaboration makes it evaluated."""
    collaboration = lock(evaluation.collaboration)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    evaluation.collaboration = collaboration
    require_state(collaboration, "evaluate_side", *EVALUABLE)
    if evaluation.state != Evaluation.State.OPEN:
        raise CollaborationTransitionError(_("This evaluation is already final."),
                                           code="already_final")
    side = side_of(actor, evaluation)
    if side is None:
        raise PermissionDenied(_("You may not do this."))
    if evaluation.sides.filter(side=side).exists():
        raise CollaborationTransitionError(
            _("Your side has already submitted this evaluation."), code="already_submitted"
        )
    errors = {}
    values = {}
    for criterion in CRITERIA:
        value = ratings.get(criterion)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value not in Rating.values:
            errors[criterion] = _("Choose a rating.")
        values[criterion] = value
    if errors:
        raise ValidationError(errors)
    comments = comments or {}
    record = EvaluationSide.objects.create(
        evaluation=evaluation, side=side, submitted_by=actor, submitted_at=now(),
        lessons=(lessons or "").strip(),
        **values,
        **{f"{criterion}_comment": (comments.get(criterion) or "").strip()
           for criterion in CRITERIA},
    )
    audit(collaboration, actor=actor, verb="evaluation.side", target=evaluation,
          changes={"side": side, **values})
    if evaluation.sides.count() == len(EvaluationSide.Side.values):
        evaluation.state = Evaluation.State.FINAL
        evaluation.finalized_at = now()
        evaluation.save(update_fields=["state", "finalized_at"])
        audit(collaboration, actor=actor, verb="evaluation.final", target=evaluation,
              from_state=Evaluation.State.OPEN, to_state=Evaluation.State.FINAL)
        if evaluation.fiscal_year is None:
            conclude_if_evaluated(collaboration, actor=actor)
    return record


@transaction.atomic
def evaluation_publish(*, actor, evaluation: Evaluation) -> Evaluation:
    collaboration = lock(evaluation.collaboration)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    evaluation.collaboration = collaboration
    require_state(collaboration, "publish_evaluation", *EVALUABLE)
    if evaluation.state != Evaluation.State.FINAL:
        raise CollaborationTransitionError(
            _("Both sides must submit before the evaluation can be published."),
            code="not_final",
        )
    if evaluation.published_at is not None:
        raise CollaborationTransitionError(_("The evaluation is already published."),
                                           code="already_published")
    require_perm(actor, "collaborations.publish_evaluation", evaluation)
    evaluation.published_at = now()
    evaluation.save(update_fields=["published_at"])
    audit(collaboration, actor=actor, verb="evaluation.publish", target=evaluation)
    return evaluation
