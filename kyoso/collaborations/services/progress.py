"""Keeping track while it runs: contacts, milestones, indicators and their actual values,
progress reports from the partner reviewed by the department, and activities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    MAX_PARTICIPANTS,
    Activity,
    Collaboration,
    Contact,
    Indicator,
    IndicatorActual,
    Milestone,
    ProgressReport,
)
from ..rules import ACTIVE, NOT_CLOSED, OPEN_FOR_REPORTS
from ._common import (
    CollaborationTransitionError,
    audit,
    lock,
    now,
    refuse,
    require_perm,
    require_state,
    require_text,
)

S = Collaboration.State
R = ProgressReport.State


@transaction.atomic
def contact_add(*, actor, collaboration: Collaboration, side: str, name: str, role: str = "",
                email: str = "", phone: str = "") -> Contact:
    collaboration = lock(collaboration)
    require_state(collaboration, "contact", *ACTIVE)
    require_perm(actor, "collaborations.manage_contacts", collaboration)
    if side not in Contact.Side.values:
        raise ValidationError({"side": _("Choose a side.")})
    name = require_text(name, "name", _("Give the contact's name."))
    contact = Contact.objects.create(collaboration=collaboration, side=side, name=name,
                                     role=role.strip(), email=email.strip(), phone=phone.strip())
    audit(collaboration, actor=actor, verb="contact.add", target=contact,
          changes={"side": side})
    return contact


@transaction.atomic
def milestone_add(*, actor, collaboration: Collaboration, title: str, due_on: dt.date) -> Milestone:
    collaboration = lock(collaboration)
    require_state(collaboration, "milestone", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    title = require_text(title, "title", _("Say what the milestone is."))
    if due_on is None:
        raise ValidationError({"due_on": _("Give the date the milestone is due.")})
    milestone = Milestone.objects.create(collaboration=collaboration, title=title, due_on=due_on)
    audit(collaboration, actor=actor, verb="milestone.add", target=milestone,
          changes={"due_on": due_on.isoformat()})
    return milestone


@transaction.atomic
def milestone_complete(*, actor, milestone: Milestone, done_on: dt.date) -> Milestone:
    collaboration = lock(milestone.collaboration)
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    require_state(collaboration, "milestone_done", S.RUNNING)
    if milestone.done_on is not None:
        raise CollaborationTransitionError(_("This milestone is already done."),
                                           code="already_done")
    require_perm(actor, "collaborations.complete_milestone", collaboration)
    if done_on is None:
        raise ValidationError({"done_on": _("Give the date it was done.")})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date it was done cannot be later than "
                                            "today.")})
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    audit(collaboration, actor=actor, verb="milestone.done", target=milestone,
          changes={"done_on": done_on.isoformat()})
    return milestone


@transaction.atomic
def indicator_add(*, actor, collaboration: Collaboration, name: str, unit: str = "",
                  baseline: Decimal, target: Decimal, baseline_period: str = "") -> Indicator:
    collaboration = lock(collaboration)
    require_state(collaboration, "indicator", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    name = require_text(name, "name", _("Name the indicator."))
    errors = {}
    if baseline is None:
        errors["baseline"] = _("Give the baseline: where the figure starts.")
    if target is None:
        errors["target"] = _("Give the target the collaboration aims at.")
    elif baseline is not None and target == baseline:
        errors["target"] = _("The target must differ from the baseline.")
    if errors:
        raise ValidationError(errors)
    indicator = Indicator.objects.create(
        collaboration=collaboration, name=name, unit=unit.strip(), baseline=baseline,
        target=target, baseline_period=baseline_period.strip(),
    )
    audit(collaboration, actor=actor, verb="indicator.add", target=indicator,
          changes={"baseline": str(baseline), "target": str(target)})
    return indicator


@transaction.atomic
def actual_record(*, actor, indicator: Indicator, period: str, measured_on: dt.date,
                  value: Decimal) -> IndicatorActual:
    """The department records a measured value itself (it counts at once)."""
    collaboration = lock(indicator.collaboration)
    require_state(collaboration, "actual", *OPEN_FOR_REPORTS)
    require_perm(actor, "collaborations.record_actual", collaboration)
    period = require_text(period, "period", _("Name the period measured."))
    if value is None or measured_on is None:
        raise ValidationError({"value": _("Give the value and the date it was measured.")})
    # A date to come would stay the latest public figure until then.
    if measured_on > timezone.localdate():
        raise ValidationError({"measured_on": _("The date it was measured cannot be later "
                                                "than today.")})
    actual = IndicatorActual.objects.create(indicator=indicator, period=period,
                                            measured_on=measured_on, value=value,
                                            recorded_by=actor)
    audit(collaboration, actor=actor, verb="actual.record", target=actual,
          changes={"indicator": indicator.pk, "value": str(value)})
    return actual


@transaction.atomic
def report_request(*, actor, collaboration: Collaboration, period: str,
                   due_on: dt.date) -> ProgressReport:
    """The department asks the partner for a progress report by a date (reminders follow)."""
    collaboration = lock(collaboration)
    require_state(collaboration, "request_report", *OPEN_FOR_REPORTS)
    require_perm(actor, "collaborations.request_report", collaboration)
    period = require_text(period, "period", _("Name the period the report covers."))
    if due_on is None:
        raise ValidationError({"due_on": _("Give the date the report is due.")})
    # A date already past would never be reminded of.
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date has passed: give today or a later "
                                           "date.")})
    report = ProgressReport.objects.create(collaboration=collaboration, period=period,
                                           due_on=due_on, requested_by=actor)
    audit(collaboration, actor=actor, verb="report.request", target=report,
          changes={"due_on": due_on.isoformat()})
    return report


def _lock_report(report: ProgressReport) -> tuple[Collaboration, ProgressReport]:
    collaboration = lock(report.collaboration)
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    report.collaboration = collaboration
    return collaboration, report


def _require_report_state(report: ProgressReport, action: str, *states: str) -> None:
    if report.state not in states:
        raise CollaborationTransitionError(
            _("“%(action)s” is not possible while the report is “%(state)s”."),
            code="invalid_transition",
            params={"action": _("Submit the progress report") if action == "submit"
                    else _("Review the progress report"),
                    "state": report.get_state_display()},
        )


@transaction.atomic
def report_submit(
    *, actor, report: ProgressReport, text: str, actuals: dict | None = None,
    measured_on: dt.date | None = None,
) -> ProgressReport:
    """The partner reports what was done and, for each indicator it can, the figure reached.

    ``actuals`` maps indicators (or their ids) to values. They count toward the progress
    figure once the department accepts the report.
    """
    collaboration, report = _lock_report(report)
    if collaboration.state not in OPEN_FOR_REPORTS:
        raise refuse("submit_report", collaboration.get_state_display())
    _require_report_state(report, "submit", R.REQUESTED, R.CHANGES_REQUESTED)
    require_perm(actor, "collaborations.submit_report", report)
    text = require_text(text, "text", _("Say what was done in the period."))
    indicators = {i.pk: i for i in collaboration.indicators.all()}
    measured_on = measured_on or timezone.localdate()
    for key, value in (actuals or {}).items():
        indicator_id = getattr(key, "pk", key)
        if indicator_id not in indicators:
            raise ValidationError(_("An indicator of another collaboration was given."))
        if value is None:
            # Cleared on resubmission: the figure given before is withdrawn too.
            IndicatorActual.objects.filter(indicator_id=indicator_id, report=report).delete()
            continue
        IndicatorActual.objects.update_or_create(
            indicator=indicators[indicator_id], report=report,
            defaults={"period": report.period, "measured_on": measured_on, "value": value,
                      "recorded_by": actor},
        )
    from_state = report.state
    report.text = text
    report.state = R.SUBMITTED
    report.submitted_by, report.submitted_at = actor, now()
    report.save()
    audit(collaboration, actor=actor, verb="report.submit", target=report,
          from_state=from_state, to_state=report.state)
    return report


@transaction.atomic
def report_review(*, actor, report: ProgressReport, accept: bool,
                  comments: str = "") -> ProgressReport:
    """The department accepts the report, or asks for changes and says which."""
    collaboration, report = _lock_report(report)
    if collaboration.state not in OPEN_FOR_REPORTS:
        raise refuse("review_report", collaboration.get_state_display())
    _require_report_state(report, "review", R.SUBMITTED)
    require_perm(actor, "collaborations.review_report", report)
    comments = (comments or "").strip()
    if not accept and not comments:
        raise ValidationError({"comments": _("Say what the partner should change.")})
    from_state = report.state
    report.state = R.ACCEPTED if accept else R.CHANGES_REQUESTED
    report.review_comments = comments
    report.reviewed_by, report.reviewed_at = actor, now()
    report.save(update_fields=["state", "review_comments", "reviewed_by", "reviewed_at"])
    audit(collaboration, actor=actor, verb="report.review", target=report,
          from_state=from_state, to_state=report.state, reason=comments)
    return report


@transaction.atomic
def activity_log(*, actor, collaboration: Collaboration | None = None, agreement=None,
                 held_on: dt.date, title: str, place: str = "", participants: str = "",
                 participant_count: int | None = None) -> Activity:
    """Log something done together, under a collaboration or directly under an agreement."""
    if (collaboration is None) == (agreement is None):
        raise ValueError("An activity belongs to a collaboration or to an agreement.")
    title = require_text(title, "title", _("Say what was done."))
    if held_on is None:
        raise ValidationError({"held_on": _("Give the date.")})
    if participant_count is not None and participant_count < 0:
        raise ValidationError({"participant_count": _("The number cannot be negative.")})
    if participant_count is not None and participant_count > MAX_PARTICIPANTS:
        raise ValidationError({"participant_count": ValidationError(
            _("Give at most %(limit)s participants."), code="max_value",
            params={"limit": f"{MAX_PARTICIPANTS:,}"})})
    fields = dict(held_on=held_on, title=title, place=place.strip(),
                  participants=participants.strip(), participant_count=participant_count,
                  logged_by=actor)
    if collaboration is not None:
        collaboration = lock(collaboration)
        require_state(collaboration, "activity", *NOT_CLOSED)
        require_perm(actor, "collaborations.log_activity", collaboration)
        activity = Activity.objects.create(collaboration=collaboration, **fields)
        audit(collaboration, actor=actor, verb="activity.log", target=activity,
              changes={"held_on": held_on.isoformat()})
        return activity
    if not may_log_under_agreement(actor, agreement):
        raise PermissionDenied(_("You may not do this."))
    from kyoso.core.audit import audit_record

    activity = Activity.objects.create(agreement=agreement, **fields)
    audit_record(actor=actor, action="collaborations.activity.log", target=activity,
                 body_code=agreement.body.code, changes={"agreement": agreement.pk,
                                                         "held_on": held_on.isoformat()})
    return activity


def may_log_under_agreement(actor, agreement) -> bool:
    """The desk of the agreement's body or a member of a partner, while it is in force."""
    from kyoso.organizations.predicates import is_desk_of_body, organization_roles

    if actor is None or not actor.is_authenticated:
        return False
    if agreement.state not in ("signed", "active", "renewed"):
        return False
    if is_desk_of_body(actor, agreement.body):
        return True
    partner_ids = set(agreement.partners.values_list("pk", flat=True))
    return bool(partner_ids & organization_roles(actor).keys())


# Correcting what was recorded: a milestone, a contact or an indicator can be changed or removed
# while the collaboration is active; what already counts in the public figures stays.

def _locked_record(model, record):
    collaboration = lock(record.collaboration)
    return collaboration, model.objects.select_for_update().get(pk=record.pk)


def _changes(record, values: dict) -> dict:
    changes = {}
    for name, value in values.items():
        before = getattr(record, name)
        if before != value:
            changes[name] = [str(before), str(value)]
            setattr(record, name, value)
    return changes


@transaction.atomic
def milestone_change(*, actor, milestone: Milestone, title: str, due_on: dt.date) -> Milestone:
    collaboration, milestone = _locked_record(Milestone, milestone)
    require_state(collaboration, "milestone_change", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    title = require_text(title, "title", _("Say what the milestone is."))
    if due_on is None:
        raise ValidationError({"due_on": _("Give the date the milestone is due.")})
    changes = _changes(milestone, {"title": title, "due_on": due_on})
    if changes:
        milestone.save(update_fields=list(changes))
        audit(collaboration, actor=actor, verb="milestone.change", target=milestone,
              changes=changes)
    return milestone


@transaction.atomic
def milestone_remove(*, actor, milestone: Milestone) -> None:
    collaboration, milestone = _locked_record(Milestone, milestone)
    require_state(collaboration, "milestone_remove", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    if milestone.done_on is not None:
        raise CollaborationTransitionError(
            _("A milestone that is done stays on the record."), code="milestone_done"
        )
    audit(collaboration, actor=actor, verb="milestone.remove", target=milestone,
          changes={"title": [milestone.title, None]})
    milestone.delete()


@transaction.atomic
def contact_change(*, actor, contact: Contact, side: str, name: str, role: str = "",
                   email: str = "", phone: str = "") -> Contact:
    collaboration, contact = _locked_record(Contact, contact)
    require_state(collaboration, "contact_change", *ACTIVE)
    require_perm(actor, "collaborations.manage_contacts", collaboration)
    if side not in Contact.Side.values:
        raise ValidationError({"side": _("Choose a side.")})
    name = require_text(name, "name", _("Give the contact's name."))
    changes = _changes(contact, {"side": side, "name": name, "role": role.strip(),
                                 "email": email.strip(), "phone": phone.strip()})
    if changes:
        contact.save(update_fields=list(changes))
        # Names and addresses of people are not copied into the audit trail.
        audit(collaboration, actor=actor, verb="contact.change", target=contact,
              changes={field: ["…", "…"] for field in changes})
    return contact


@transaction.atomic
def contact_remove(*, actor, contact: Contact) -> None:
    collaboration, contact = _locked_record(Contact, contact)
    require_state(collaboration, "contact_remove", *ACTIVE)
    require_perm(actor, "collaborations.manage_contacts", collaboration)
    audit(collaboration, actor=actor, verb="contact.remove", target=contact,
          changes={"side": contact.side})
    contact.delete()


@transaction.atomic
def indicator_change(*, actor, indicator: Indicator, name: str, unit: str = "",
                     baseline: Decimal, target: Decimal, baseline_period: str = "") -> Indicator:
    collaboration, indicator = _locked_record(Indicator, indicator)
    require_state(collaboration, "indicator_change", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    name = require_text(name, "name", _("Name the indicator."))
    errors = {}
    if baseline is None:
        errors["baseline"] = _("Give the baseline: where the figure starts.")
    if target is None:
        errors["target"] = _("Give the target the collaboration aims at.")
    elif baseline is not None and target == baseline:
        errors["target"] = _("The target must differ from the baseline.")
    if errors:
        raise ValidationError(errors)
    changes = _changes(indicator, {"name": name, "unit": unit.strip(), "baseline": baseline,
                                   "target": target,
                                   "baseline_period": baseline_period.strip()})
    if changes:
        indicator.save(update_fields=list(changes))
        audit(collaboration, actor=actor, verb="indicator.change", target=indicator,
              changes=changes)
    return indicator


@transaction.atomic
def indicator_remove(*, actor, indicator: Indicator) -> None:
    collaboration, indicator = _locked_record(Indicator, indicator)
    require_state(collaboration, "indicator_remove", *ACTIVE)
    require_perm(actor, "collaborations.change_collaboration", collaboration)
    if indicator.actuals.exists():
        raise CollaborationTransitionError(
            _("An indicator with measured values stays on the record; change it instead."),
            code="indicator_measured",
        )
    audit(collaboration, actor=actor, verb="indicator.remove", target=indicator,
          changes={"name": [indicator.name, None]})
    indicator.delete()
