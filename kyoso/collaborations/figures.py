"""The figures a collaboration is followed by: progress, outcomes against baseline, timeline.

Progress is the mean of what can be measured: the share of milestones done, and the mean
progress of the indicators from baseline toward target (each capped between 0 and 100%).
Only counted actuals are used: a value from a progress report counts once the department has
accepted the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Collaboration, Indicator, IndicatorActual, ProgressReport


def whole(value: Decimal) -> int:
    """Rounded the way people expect (62.5 → 63), not to even."""
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def prefetched(obj, name: str) -> bool:
    """Whether ``obj.<name>.all()`` reads what a list query prefetched (no query of its own)."""
    return name in getattr(obj, "_prefetched_objects_cache", {})


def counted_actuals(indicator: Indicator) -> list[IndicatorActual]:
    actuals = getattr(indicator, "all_actuals", None)
    if actuals is None:
        actuals = (list(indicator.actuals.all()) if prefetched(indicator, "actuals")
                   else list(indicator.actuals.select_related("report")))
    return sorted((a for a in actuals if a.counts), key=lambda a: (a.measured_on, a.pk))


def latest_actual(indicator: Indicator) -> IndicatorActual | None:
    actuals = counted_actuals(indicator)
    return actuals[-1] if actuals else None


def indicator_progress(indicator: Indicator, actual: Decimal | None) -> Decimal | None:
    """How far from baseline toward target the actual has come, between 0 and 1."""
    if actual is None or indicator.target == indicator.baseline:
        return None
    share = (Decimal(actual) - indicator.baseline) / (indicator.target - indicator.baseline)
    return min(Decimal(1), max(Decimal(0), share))


def change_percent(baseline: Decimal, actual: Decimal) -> int | None:
    """Whole percent of change from the baseline, e.g. 43 for 「43%増」; None from zero."""
    if baseline == 0:
        return None
    return whole((Decimal(actual) - baseline) * 100 / abs(baseline))


def number(value: Decimal) -> str:
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def outcome_phrase(indicator: Indicator, actual: Decimal) -> str:
    """「窓口来訪者数 43%増」 / "Visitors to the counter: up 43%"."""
    percent = change_percent(indicator.baseline, actual)
    if percent is None:
        return _("%(name)s: from %(baseline)s to %(actual)s %(unit)s") % {
            "name": indicator.name, "baseline": number(indicator.baseline),
            "actual": number(actual), "unit": indicator.unit,
        }
    if percent > 0:
        return _("%(name)s up %(percent)s%%") % {"name": indicator.name, "percent": percent}
    if percent < 0:
        return _("%(name)s down %(percent)s%%") % {"name": indicator.name,
                                                   "percent": -percent}
    return _("%(name)s unchanged") % {"name": indicator.name}


@dataclass
class IndicatorFigure:
    indicator: Indicator
    actual: IndicatorActual | None
    progress: Decimal | None
    phrase: str

    @property
    def percent(self) -> int | None:
        return None if self.progress is None else whole(self.progress * 100)


@dataclass
class Progress:
    milestones_total: int
    milestones_done: int
    indicators: list[IndicatorFigure]

    @property
    def milestone_share(self) -> Decimal | None:
        if not self.milestones_total:
            return None
        return Decimal(self.milestones_done) / Decimal(self.milestones_total)

    @property
    def indicator_share(self) -> Decimal | None:
        values = [f.progress for f in self.indicators if f.progress is not None]
        if not values:
            return None
        return sum(values) / len(values)

    @property
    def overall(self) -> Decimal | None:
        parts = [p for p in (self.milestone_share, self.indicator_share) if p is not None]
        if not parts:
            return None
        return sum(parts) / len(parts)

    @property
    def percent(self) -> int | None:
        overall = self.overall
        return None if overall is None else whole(overall * 100)

    @property
    def milestone_percent(self) -> int | None:
        share = self.milestone_share
        return None if share is None else whole(share * 100)

    @property
    def indicator_percent(self) -> int | None:
        share = self.indicator_share
        return None if share is None else whole(share * 100)


def progress_of(collaboration: Collaboration) -> Progress:
    milestones = list(collaboration.milestones.all())
    figures = []
    # A list prefetches them for all its rows (``filters.public_collaborations``).
    indicators = (collaboration.indicators.all() if prefetched(collaboration, "indicators")
                  else collaboration.indicators.prefetch_related("actuals__report"))
    for indicator in indicators:
        actual = latest_actual(indicator)
        figures.append(IndicatorFigure(
            indicator=indicator, actual=actual,
            progress=indicator_progress(indicator, actual.value if actual else None),
            phrase=outcome_phrase(indicator, actual.value) if actual else "",
        ))
    return Progress(
        milestones_total=len(milestones),
        milestones_done=sum(1 for m in milestones if m.done_on is not None),
        indicators=figures,
    )


@dataclass(frozen=True)
class Moment:
    on: dt.date
    kind: str  # started, milestone, milestone_due, report, activity, evaluation, finished
    text: str
    detail: str = ""


def timeline_of(collaboration: Collaboration, *, public: bool) -> list[Moment]:
    """What happened, in date order, as the public (or the parties) may follow it."""
    moments = []
    if collaboration.started_on:
        moments.append(Moment(collaboration.started_on, "started", _("The collaboration began")))
    for milestone in collaboration.milestones.all():
        if milestone.done_on:
            moments.append(Moment(milestone.done_on, "milestone", milestone.title))
        else:
            moments.append(Moment(milestone.due_on, "milestone_due",
                                  _("%(title)s (due)") % {"title": milestone.title}))
    reports = collaboration.reports.filter(state=ProgressReport.State.ACCEPTED)
    for report in reports:
        if public:
            # The partner's text is for the parties; the public sees that a report was accepted.
            moments.append(Moment(timezone.localtime(report.submitted_at).date(), "report",
                                  _("Progress report accepted: %(period)s")
                                  % {"period": report.period}))
        else:
            moments.append(Moment(timezone.localtime(report.submitted_at).date(), "report",
                                  _("Progress report: %(period)s") % {"period": report.period},
                                  report.text))
    for activity in collaboration.activities.all():
        moments.append(Moment(activity.held_on, "activity", activity.title, activity.place))
    evaluations = collaboration.evaluations.filter(state="final")
    if public:
        evaluations = evaluations.filter(published_at__isnull=False)
    for evaluation in evaluations:
        moments.append(Moment(timezone.localtime(evaluation.finalized_at).date(), "evaluation",
                              _("Joint evaluation completed")))
    if collaboration.finished_on:
        moments.append(Moment(collaboration.finished_on, "finished",
                              _("The collaboration finished")))
    return sorted(moments, key=lambda moment: moment.on)
