"""Forms of the collaboration pages. They only read input; the services decide. Field names are
the services' argument names, so a service's ``ValidationError`` lands on the right field."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.catalog.forms import FiscalYearField
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.forms import SubmitOnceMixin
from kyoso.core.money import MAX_YEN
from kyoso.organizations.models import Department, Organization

from .models import CRITERIA, MAX_PARTICIPANTS, BudgetReflection, Contact, Rating


def loaded_at_field():
    """When the record was loaded (its ``updated_at``), so a save in between is noticed."""
    return forms.CharField(required=False, widget=forms.HiddenInput)


def parse_loaded_at(value: str):
    """The time a form was loaded from, or None (no record then, or not a time)."""
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label, required=required, widget=DateInput, help_text=help_text,
        error_messages={"invalid": _("Enter a date such as 2026-05-20.")},
    )


class CollaborationDetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("What the collaboration does"),
                              widget=forms.Textarea(attrs={"rows": 5}))
    field = forms.ChoiceField(label=_("Field"), choices=[("", "—"), *PolicyField.choices])
    form = forms.ChoiceField(label=_("Form of collaboration"),
                             choices=[("", "—"), *CollaborationForm.choices])
    start_fiscal_year = FiscalYearField(label=_("First fiscal year"),
                                        help_text=_("For example 2026 or 令和8年度."))
    end_fiscal_year = FiscalYearField(label=_("Last fiscal year"), required=False,
                                      help_text=_("Leave empty while the end is open."))
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments"), queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organizations"), queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    agreement = forms.ModelChoiceField(label=_("Under the agreement"), required=False,
                                       queryset=None, empty_label=_("No agreement"))
    loaded_at = loaded_at_field()

    def __init__(self, *args, body, partner_choices, **kwargs):
        super().__init__(*args, **kwargs)
        from kyoso.agreements.models import Agreement

        self.fields["departments"].queryset = Department.objects.filter(
            body=body, is_desk=False
        ).order_by("bureau", "name")
        self.fields["departments"].label_from_instance = lambda d: d.display_name
        self.fields["partners"].queryset = partner_choices
        self.fields["partners"].label_from_instance = lambda o: o.display_name
        self.fields["agreement"].queryset = Agreement.objects.filter(body=body).exclude(
            state="draft"
        ).order_by("-signed_on", "-pk")


class NewCollaborationForm(SubmitOnceMixin, CollaborationDetailsForm):
    """Starting a collaboration: sent twice, it is set up once."""


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Note (optional)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ConfirmForm(forms.Form):
    """A button and nothing else."""


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = date_field(_("Due"))


class DoneForm(forms.Form):
    done_on = date_field(_("Done on"))


class ContactForm(forms.Form):
    side = forms.ChoiceField(label=_("Side"), choices=Contact.Side.choices,
                             widget=forms.RadioSelect)
    name = forms.CharField(label=_("Name"), max_length=100)
    role = forms.CharField(label=_("Role"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200,
                           help_text=_("For example 窓口来訪者数 (visitors to the counter)."))
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    baseline_period = forms.CharField(label=_("Baseline period"), max_length=50, required=False)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)


class ActualForm(forms.Form):
    period = forms.CharField(label=_("Period"), max_length=50,
                             help_text=_("For example 2026年度上期."))
    measured_on = date_field(_("Measured on"))
    value = forms.DecimalField(label=_("Actual value"), max_digits=14, decimal_places=2)


class ReportRequestForm(forms.Form):
    period = forms.CharField(label=_("Period the report covers"), max_length=50,
                             help_text=_("For example 2026年度上期."))
    due_on = date_field(_("Due"))


class ReportSubmitForm(forms.Form):
    text = forms.CharField(label=_("What was done in the period"),
                           widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            label = indicator.name + (f" ({indicator.unit})" if indicator.unit else "")
            self.fields[f"actual_{indicator.pk}"] = forms.DecimalField(
                label=label, required=False, max_digits=14, decimal_places=2,
                help_text=_("Figure reached in the period; leave empty if not measured."),
            )

    def actuals(self) -> dict:
        return {
            indicator.pk: self.cleaned_data.get(f"actual_{indicator.pk}")
            for indicator in self.indicators
        }


class ReportReviewForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Your review"), widget=forms.RadioSelect, coerce=lambda v: v == "yes",
        choices=[("yes", _("Accept the report")), ("no", _("Ask for changes"))],
    )
    comments = forms.CharField(label=_("Comments"), required=False,
                               widget=forms.Textarea(attrs={"rows": 5}),
                               help_text=_("Required when you ask for changes."))


class ActivityForm(forms.Form):
    held_on = date_field(_("Date"))
    title = forms.CharField(label=_("What"), max_length=200)
    place = forms.CharField(label=_("Where"), max_length=200, required=False)
    participants = forms.CharField(label=_("Participants"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    participant_count = forms.IntegerField(label=_("Number of participants"), required=False,
                                           min_value=0, max_value=MAX_PARTICIPANTS)


class EvaluationStartForm(forms.Form):
    fiscal_year = FiscalYearField(
        label=_("Fiscal year evaluated"), required=False,
        help_text=_("Leave empty for the final evaluation, once the collaboration has "
                    "finished."),
    )


# The forms that add a record: each carries a one-time key, so that a double click or a form
# sent again adds the record (and tells the other party) once.

class NewMilestoneForm(SubmitOnceMixin, MilestoneForm):
    pass


class NewContactForm(SubmitOnceMixin, ContactForm):
    pass


class NewIndicatorForm(SubmitOnceMixin, IndicatorForm):
    pass


class NewActualForm(SubmitOnceMixin, ActualForm):
    pass


class NewReportRequestForm(SubmitOnceMixin, ReportRequestForm):
    pass


class NewActivityForm(SubmitOnceMixin, ActivityForm):
    pass


class NewEvaluationForm(SubmitOnceMixin, EvaluationStartForm):
    pass


CRITERION_LABELS = {
    "relevance": _("Relevance of the policy (政策の妥当性)"),
    "effectiveness": _("Effectiveness of the results (結果の有効性)"),
    "process": _("Appropriateness of the process (プロセスの適切性)"),
}


class EvaluationSideForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion] = forms.TypedChoiceField(
                label=CRITERION_LABELS[criterion], choices=Rating.choices, coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"{criterion}_comment"] = forms.CharField(
                label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["lessons"] = forms.CharField(
            label=_("Lessons learned"), required=False, widget=forms.Textarea(attrs={"rows": 4})
        )


class BudgetForm(forms.Form):
    status = forms.ChoiceField(label=_("Budget status"), choices=BudgetReflection.Status.choices,
                               widget=forms.RadioSelect)
    amount_yen = forms.IntegerField(label=_("Amount (yen)"), required=False, min_value=0,
                                    max_value=MAX_YEN)
    fiscal_year = FiscalYearField(label=_("Fiscal year of the budget"), required=False,
                                  help_text=_("For example 2027 or 令和9年度."))
    budget_line = forms.CharField(label=_("Budget line (款・項・目)"), required=False,
                                  max_length=200)
    budget_project = forms.CharField(label=_("Budget project name (事業名)"), required=False,
                                     max_length=200)
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    loaded_at = loaded_at_field()
