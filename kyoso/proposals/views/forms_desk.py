"""Forms of the desk and department pages. They only read input: the services decide.

Field names are those of the services' arguments, so that a ``ValidationError`` a service
raises for ``reasons`` or ``departments`` lands on the field the person typed into.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kyoso.catalog.forms import FiscalYearField
from kyoso.core.choices import CollaborationForm
from kyoso.core.money import MAX_YEN
from kyoso.organizations.models import Department, GovernmentBody

from ..models import Assignment, Decision

LIVE = (Assignment.State.OPEN, Assignment.State.ANSWERED)


class ConfirmForm(forms.Form):
    """A button and nothing else (accept, publish, countersign)."""


class ReturnForm(forms.Form):
    comments = forms.CharField(
        label=_("What the proposer should revise"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The proposer sees this text; it also starts the consultation thread."),
        error_messages={"required": _("Tell the proposer what to revise.")},
    )


class OutOfScopeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the proposal is out of scope"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The proposer sees this reason."),
        error_messages={"required": _("Give the reason the proposal is out of scope.")},
    )


class ForwardForm(forms.Form):
    to_body = forms.ModelChoiceField(
        label=_("Forward to"), queryset=GovernmentBody.objects.none(),
        empty_label=_("Choose a body"),
        error_messages={"required": _("Choose the body that should consider the proposal.")},
    )
    reason = forms.CharField(
        label=_("Why the proposal goes to the other body"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why the proposal goes to the other body.")},
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        body = proposal.body
        # Only between a prefecture and its own municipalities (the service says the same).
        related = GovernmentBody.objects.filter(is_active=True).exclude(pk=body.pk)
        if body.parent_id:
            related = related.filter(pk=body.parent_id)
        else:
            related = related.filter(parent=body)
        self.fields["to_body"].queryset = related.order_by("code")
        self.fields["to_body"].label_from_instance = lambda b: b.display_name


def routable_departments(proposal):
    """The body's departments other than the desk itself, which routes rather than decides."""
    return Department.objects.filter(body=proposal.body, is_desk=False).order_by("bureau", "name")


def department_label(department: Department) -> str:
    return department.display_name


class RouteForm(forms.Form):
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments"), queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one department.")},
    )
    due_days = forms.IntegerField(
        label=_("Days to answer"), min_value=1, max_value=366,
        error_messages={"required": _("Say how many days the departments have to answer.")},
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        held = proposal.assignments.filter(state__in=LIVE).values("department_id")
        self.fields["departments"].queryset = routable_departments(proposal).exclude(pk__in=held)
        self.fields["departments"].label_from_instance = department_label
        self.fields["due_days"].initial = proposal.body.answer_days
        self.fields["due_days"].help_text = _(
            "The body's rule is %(days)s days; change it only for this proposal."
        ) % {"days": proposal.body.answer_days}


class ReassignForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("New department"), queryset=Department.objects.none(),
        empty_label=_("Choose a department"),
        error_messages={"required": _("Choose the department that takes over.")},
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        proposal = assignment.proposal
        held = proposal.assignments.filter(state__in=LIVE).values("department_id")
        self.fields["department"].queryset = routable_departments(proposal).exclude(pk__in=held)
        self.fields["department"].label_from_instance = department_label


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The proposer, the desk and the assigned departments read the thread."),
        error_messages={"required": _("Write a message.")},
    )


class MeetingForm(forms.Form):
    held_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M"],
        help_text=_("For example 2026-05-20 14:00."),
        error_messages={
            "required": _("Say when the meeting took place."),
            "invalid": _("Enter a date and time such as 2026-05-20 14:00."),
        },
    )
    place = forms.CharField(
        label=_("Place"), max_length=200,
        error_messages={"required": _("Say where the meeting took place.")},
    )
    attendees = forms.CharField(
        label=_("Attendees"), widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say who took part.")},
    )
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, proposal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal

    def clean_held_at(self):
        held_at = self.cleaned_data["held_at"]
        if self.proposal is not None:
            problem = meeting_time_problem(self.proposal, held_at)
            if problem:
                raise ValidationError(problem, code="out_of_range")
        return held_at


def meeting_time_problem(proposal, held_at) -> str | None:
    """Why ``held_at`` cannot be when a meeting on ``proposal`` took place, or None.

    A meeting record is the minutes of a consultation that took place (協議の記録): on or after
    the day the proposal was submitted, and not later than today. Days are the body's local
    days, so that a meeting on the day of submission or earlier today is accepted.
    """
    day = timezone.localtime(held_at).date() if timezone.is_aware(held_at) else held_at.date()
    if proposal.submitted_at is not None:
        submitted = timezone.localtime(proposal.submitted_at).date()
        if day < submitted:
            return _(
                "The meeting cannot be before the proposal was submitted (%(date)s)."
            ) % {"date": date_format(submitted, "SHORT_DATE_FORMAT")}
    if day > timezone.localdate():
        return _("Record a meeting once it has taken place: the date cannot be in the future.")
    return None


class DecisionForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose an outcome.")},
    )
    form = forms.ChoiceField(
        label=_("Form of collaboration"), required=False,
        choices=[("", _("None (not adopted)")), *CollaborationForm.choices],
        help_text=_("Required when the proposal is adopted."),
    )
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required unless the proposal is adopted. The proposer reads them."),
    )
    budget_reflected_yen = forms.IntegerField(
        label=_("Budget reflected (yen)"), required=False, min_value=0, max_value=MAX_YEN,
        help_text=_("Only when money was set aside; adoption is not the same as a budget."),
    )
    budget_fiscal_year = FiscalYearField(
        label=_("Fiscal year of the budget"), required=False,
        help_text=_("For example 2027 or 令和9年度."),
    )

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome and outcome not in Decision.ADOPTED and not (data.get("reasons") or "").strip():
            self.add_error("reasons", _("Give the reasons: they are required unless adopted."))
        if outcome in Decision.ADOPTED and not data.get("form"):
            self.add_error("form", _("Say in which form the proposal is adopted."))
        if outcome and outcome not in Decision.ADOPTED and data.get("form"):
            self.add_error("form", _(
                "Only an adoption has a form of collaboration: leave it empty for this outcome."
            ))
        if data.get("budget_reflected_yen") is not None and not data.get("budget_fiscal_year"):
            self.add_error("budget_fiscal_year", _("Say in which fiscal year the budget is."))
        return data


class RefuseCountersignForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the department should decide again"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The department reads this. The proposer does not."),
        error_messages={"required": _("Say why the department should decide again.")},
    )


class PublishForm(forms.Form):
    """Disclosure review: the desk reads each non-adoption's reasons as the public would, and may
    reword them (leaving out personal data or a company's business information) before
    publishing."""

    confirm = forms.BooleanField(
        label=_("I have checked that everything below may be disclosed: no personal data, no "
                "company's business information, nothing of the proposer's protected sections."),
        error_messages={"required": _("Confirm the disclosure review before publishing.")},
    )

    def __init__(self, data=None, *, proposal):
        super().__init__(data)
        self.decisions = [
            decision
            for decision in Decision.objects.current()
            .filter(assignment__proposal=proposal)
            .select_related("assignment__department")
            .order_by("decided_at", "pk")
            if not decision.is_adopted
        ]
        for decision in self.decisions:
            self.fields[f"reasons_{decision.pk}"] = forms.CharField(
                label=_("Reasons of %(department)s as published")
                % {"department": decision.assignment.department.display_name},
                initial=decision.published_reasons, required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Leave empty to withhold the reasons from the public page."),
            )
        # The confirmation comes last, after what it confirms.
        self.order_fields([*(f"reasons_{d.pk}" for d in self.decisions), "confirm"])

    def clean(self):
        cleaned = super().clean()
        # What the publishing service takes: the reviewed wording per decision.
        cleaned["public_reasons"] = {
            d.pk: cleaned.get(f"reasons_{d.pk}", "") for d in self.decisions
        }
        return cleaned
