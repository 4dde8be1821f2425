"""Forms of the partner's pages: one per section of the proposal's task list.

Each section form cleans what it can; the view saves every field that is valid as the draft and
shows the others with their errors and what was typed, so nothing written is lost.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyoso.catalog.models import CatalogProject
from kyoso.core.choices import CollaborationForm
from kyoso.core.forms import SubmitOnceMixin
from kyoso.core.money import MAX_YEN
from kyoso.core.text import normalize
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.selectors import organization_directory

from .models import CONFIDENTIAL_SECTIONS, Proposal, ProposalPartner
from .models.attachments import ATTACHMENT_MAX_BYTES

CONFIDENTIAL_LABEL = _("Keep this section confidential (idea protection)")
CONFIDENTIAL_HELP = _(
    "Only your organization, the desk and the departments the proposal is routed to may read "
    "it, until you release it. The title is always public once a result is published."
)


def ascii_digits(value) -> bool:
    """Whether ``value`` is a non-empty string of the digits 0-9 and nothing else."""
    return isinstance(value, str) and value.isascii() and value.isdigit()


def project_label(project: CatalogProject) -> str:
    return f"{project.display_name}（{project.department.display_name}）"


class YenField(forms.CharField):
    """An amount in yen as people type it: 1,200,000 / １２０００００ / 120万円 is not guessed."""

    default_error_messages = {
        "invalid": _("Enter the amount in yen as a whole number, for example 1,200,000."),
        "too_large": _("This amount is too large. Check the number of digits."),
    }

    def to_python(self, value):
        value = normalize(super().to_python(value))
        if value in self.empty_values:
            return None
        digits = re.sub(r"[,\s円¥]", "", value)
        # ASCII digits only: str.isdigit() also says yes to digits of other scripts (「፩」),
        # which int() cannot read. Full-width digits were made ASCII by the NFKC above.
        if not ascii_digits(digits):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if int(digits) > MAX_YEN:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return int(digits)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}"
        return value


class NewProposalForm(SubmitOnceMixin, forms.Form):
    """Who proposes to whom: the organization, the body, the kind, and what the proposal is on."""

    organization = forms.ModelChoiceField(
        label=_("Proposing organization"), queryset=Organization.objects.none(),
        empty_label=None,
    )
    body = forms.ChoiceField(
        label=_("Government body you propose to"),
        help_text=_("The prefecture or the municipality whose desk will receive the proposal."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of proposal"), choices=Proposal.Kind.choices, initial=Proposal.Kind.FREE,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=pgettext_lazy("proposal", "Title"), max_length=200, required=False,
        help_text=_("You can change it later."),
    )
    target_projects = forms.ModelMultipleChoiceField(
        label=_("Catalog projects the proposal is on"), required=False,
        queryset=CatalogProject.objects.none(), widget=forms.CheckboxSelectMultiple,
    )
    is_new_project = forms.BooleanField(
        label=_("I propose a new project (not one in the catalog)"), required=False
    )

    def __init__(self, *args, organizations, body_choices, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["organization"].label_from_instance = lambda o: o.display_name
        if organizations.count() == 1:
            self.fields["organization"].widget = forms.HiddenInput()
            self.fields["organization"].initial = organizations.get().pk
        self.fields["body"].choices = [("", _("Choose a body")), *body_choices]
        self.project = project
        if project is not None:
            # Arriving from a catalog project: the body is the project's, the project is ticked.
            self.fields["body"].initial = project.body.code
            self.fields["target_projects"].queryset = CatalogProject.objects.filter(
                pk=project.pk
            )
            self.fields["target_projects"].initial = [project.pk]
            self.fields["target_projects"].label_from_instance = project_label
        else:
            del self.fields["target_projects"]

    def clean_title(self):
        return normalize(self.cleaned_data["title"])

    def clean_body(self):
        try:
            return GovernmentBody.objects.active().get(code=self.cleaned_data["body"])
        except GovernmentBody.DoesNotExist:
            raise forms.ValidationError(_("Choose a body from the list."), code="invalid") from None

    def clean(self):
        cleaned = super().clean()
        body, projects = cleaned.get("body"), cleaned.get("target_projects")
        if body is not None and projects and any(p.body_id != body.pk for p in projects):
            self.add_error(
                "target_projects",
                _("This project belongs to another body. Untick it or choose its body."),
            )
        return cleaned


class AboutForm(forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("proposal", "Title"), max_length=200, required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind of proposal"), choices=Proposal.Kind.choices, widget=forms.RadioSelect
    )
    target_projects = forms.ModelMultipleChoiceField(
        label=_("Catalog projects the proposal is on"), required=False,
        queryset=CatalogProject.objects.none(), widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a project to take it off the proposal."),
    )
    is_new_project = forms.BooleanField(
        label=_("I propose a new project (not one in the catalog)"), required=False
    )

    fields_saved = ("title", "kind", "target_projects", "is_new_project")

    def __init__(self, *args, proposal, shown_projects, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["target_projects"]
        # Any disclosed project of the body may be chosen; only a few are offered as boxes
        # (those already chosen and those found by the search), not the whole catalog.
        field.queryset = CatalogProject.objects.disclosed().filter(body=proposal.body)
        field.label_from_instance = project_label
        field.widget.choices = [(p.pk, project_label(p)) for p in shown_projects]

    def clean_title(self):
        return normalize(self.cleaned_data["title"])


class TextSectionForm(forms.Form):
    """One written section (background, content, expected effect or schedule)."""

    confidential = forms.BooleanField(
        label=CONFIDENTIAL_LABEL, help_text=CONFIDENTIAL_HELP, required=False
    )

    def __init__(self, *args, field_name: str, label, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        assert field_name in CONFIDENTIAL_SECTIONS
        self.field_name = field_name
        self.fields_saved = (field_name,)
        text = forms.CharField(
            label=label, help_text=help_text, required=False, max_length=20000,
            widget=forms.Textarea(attrs={"rows": 10}),
        )
        # The text first, then the box that protects it.
        self.fields = {field_name: text, "confidential": self.fields["confidential"]}


class BudgetForm(forms.Form):
    budget_yen = YenField(
        label=_("Budget of the project (yen)"), required=False,
        help_text=_("The whole cost, whoever pays it. For example 1,200,000."),
    )
    funding = forms.ChoiceField(
        label=_("Who pays"), choices=Proposal.Funding.choices, widget=forms.RadioSelect
    )

    fields_saved = ("budget_yen", "funding")


class CollaborationFormForm(forms.Form):
    collaboration_form = forms.ChoiceField(
        label=_("Form of collaboration you ask for"), required=False,
        choices=CollaborationForm.choices, widget=forms.RadioSelect,
    )

    fields_saved = ("collaboration_form",)


class PartnerAddForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(),
        empty_label=_("Choose an organization"),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=ProposalPartner.Role.choices, widget=forms.RadioSelect,
        initial=ProposalPartner.Role.CO_PROPOSER,
    )

    # More than this many organizations are not put in one list: the person searches first.
    LIST_AT_MOST = 100

    def __init__(self, *args, proposal, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        taken = [proposal.organization_id, *proposal.partner_links.values_list(
            "organization_id", flat=True
        )]
        field = self.fields["organization"]
        # Any organization may be chosen (the list is what is offered, not what is allowed).
        field.queryset = Organization.objects.exclude(pk__in=taken).order_by("name_kana", "name")
        field.label_from_instance = lambda o: o.display_name
        offered = organization_directory(query=query).exclude(pk__in=taken)
        shown = list(offered[: self.LIST_AT_MOST + 1])
        self.too_many = len(shown) > self.LIST_AT_MOST
        self.query = query
        if self.too_many:
            shown = shown[: self.LIST_AT_MOST]
        field.widget.choices = [("", field.empty_label)] + [
            (organization.pk, organization.display_name) for organization in shown
        ]
        self.found = len(shown)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), at most %(limit)s MB.")
        % {"limit": ATTACHMENT_MAX_BYTES // (1024 * 1024)},
    )
    confidential = forms.BooleanField(
        label=_("Keep this file confidential (idea protection)"), required=False,
        help_text=CONFIDENTIAL_HELP,
    )


class ReviseForm(forms.Form):
    """The whole proposal on one page, while departments consider it: one revision per save."""

    title = forms.CharField(label=pgettext_lazy("proposal", "Title"), max_length=200)
    # The same limit as a section of a draft and the API (20,000 characters).
    background = forms.CharField(
        label=_("Background"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    content = forms.CharField(
        label=_("Content"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )
    expected_effect = forms.CharField(
        label=_("Expected effect"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    schedule = forms.CharField(
        label=_("Schedule"), required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    budget_yen = BudgetForm.base_fields["budget_yen"]
    funding = BudgetForm.base_fields["funding"]
    collaboration_form = forms.ChoiceField(
        label=_("Form of collaboration you ask for"), choices=CollaborationForm.choices,
        widget=forms.RadioSelect,
    )
    confidential_sections = forms.MultipleChoiceField(
        label=_("Sections kept confidential (idea protection)"), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=CONFIDENTIAL_HELP,
    )
    note = forms.CharField(
        label=_("What did you change, and why?"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The desk and the departments see this note with the revision."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    fields_saved = (
        "title", "background", "content", "expected_effect", "schedule", "budget_yen",
        "funding", "collaboration_form", "confidential_sections",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confidential_sections"].choices = [
            (name, Proposal._meta.get_field(name).verbose_name) for name in CONFIDENTIAL_SECTIONS
        ]

    def clean_title(self):
        return normalize(self.cleaned_data["title"])


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw it? (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(SubmitOnceMixin, forms.Form):
    """A message to the desk and the departments, in the proposal's thread."""

    text = forms.CharField(
        label=_("Message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The proposer, the desk and the assigned departments read the thread."),
        error_messages={"required": _("Write a message.")},
    )
