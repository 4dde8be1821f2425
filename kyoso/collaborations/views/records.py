"""Correcting what was recorded in a collaboration: change or remove a milestone, a contact or an
outcome indicator (one page per record and operation, through the services)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .. import services
from ..forms import ConfirmForm, ContactForm, IndicatorForm, MilestoneForm
from ..models import Contact, Indicator, Milestone
from ..selectors import workspace_for
from .work import Action, run


def _filled(form_class, fields):
    def build(data, collaboration, target):
        return form_class(data, initial={name: getattr(target, name) for name in fields})
    return build


def _confirm(data, collaboration, target):
    return ConfirmForm(data)


MILESTONE_FIELDS = ("title", "due_on")
CONTACT_FIELDS = ("side", "name", "role", "email", "phone")
INDICATOR_FIELDS = ("name", "unit", "baseline", "baseline_period", "target")

RECORDS = {
    ("milestones", "edit"): (Milestone, Action(
        "milestone-edit", gettext_lazy("Change the milestone"), gettext_lazy("Save"),
        gettext_lazy("Correct its title or move its due date; reminders follow the new date."),
        gettext_lazy("The milestone was changed."),
        "collaborations.change_collaboration", _filled(MilestoneForm, MILESTONE_FIELDS),
        lambda user, c, t, d: services.milestone_change(actor=user, milestone=t, **d))),
    ("milestones", "remove"): (Milestone, Action(
        "milestone-remove", gettext_lazy("Remove the milestone"), gettext_lazy("Remove"),
        gettext_lazy("A milestone that is not done yet can be removed; the removal is kept in "
                     "the audit trail."),
        gettext_lazy("The milestone was removed."),
        "collaborations.change_collaboration", _confirm,
        lambda user, c, t, d: services.milestone_remove(actor=user, milestone=t),
        danger=True)),
    ("contacts", "edit"): (Contact, Action(
        "contact-edit", gettext_lazy("Change the contact"), gettext_lazy("Save"),
        gettext_lazy("A named person on the government's side or the partner's."),
        gettext_lazy("The contact was changed."),
        "collaborations.manage_contacts", _filled(ContactForm, CONTACT_FIELDS),
        lambda user, c, t, d: services.contact_change(actor=user, contact=t, **d))),
    ("contacts", "remove"): (Contact, Action(
        "contact-remove", gettext_lazy("Remove the contact"), gettext_lazy("Remove"),
        gettext_lazy("The person is no longer a contact of this collaboration."),
        gettext_lazy("The contact was removed."),
        "collaborations.manage_contacts", _confirm,
        lambda user, c, t, d: services.contact_remove(actor=user, contact=t),
        danger=True)),
    ("indicators", "edit"): (Indicator, Action(
        "indicator-edit", gettext_lazy("Change the indicator"), gettext_lazy("Save"),
        gettext_lazy("Correct its name, unit, baseline or target. Measured values stay."),
        gettext_lazy("The indicator was changed."),
        "collaborations.change_collaboration", _filled(IndicatorForm, INDICATOR_FIELDS),
        lambda user, c, t, d: services.indicator_change(actor=user, indicator=t, **d))),
    ("indicators", "remove"): (Indicator, Action(
        "indicator-remove", gettext_lazy("Remove the indicator"), gettext_lazy("Remove"),
        gettext_lazy("An indicator without measured values can be removed."),
        gettext_lazy("The indicator was removed."),
        "collaborations.change_collaboration", _confirm,
        lambda user, c, t, d: services.indicator_remove(actor=user, indicator=t),
        danger=True)),
}


@login_required
@require_http_methods(["GET", "POST"])
def record(request, pk, kind, record_pk, operation):
    try:
        model, action = RECORDS[(kind, operation)]
    except KeyError:
        raise Http404 from None
    collaboration = workspace_for(request.user, pk)
    target = get_object_or_404(model, pk=record_pk, collaboration=collaboration)
    return run(request, action, collaboration, target)
