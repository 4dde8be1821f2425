from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm
from kyoso.core.fiscal import format_fiscal_year, parse_fiscal_year
from kyoso.core.forms import SubmitOnceMixin
from kyoso.core.text import normalize

from .models import CatalogProject, latest_catalog_year, too_far_ahead_message
from .services import EDITABLE_FIELDS


class FiscalYearField(forms.CharField):
    """Accepts 2025, ２０２５, 令和7年度, R7 … and cleans to the Western year."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_fiscal_year(value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a fiscal year such as 2025 or 令和7年度."), code="invalid"
            ) from None

    def prepare_value(self, value):
        if isinstance(value, int):
            return str(value)
        return value


class CatalogProjectForm(forms.ModelForm):
    fiscal_year = FiscalYearField(
        label=_("Fiscal year"), help_text=_("For example 2025 or 令和7年度.")
    )
    collaboration_forms = forms.MultipleChoiceField(
        label=_("Forms of collaboration welcomed"),
        choices=CollaborationForm.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CatalogProject
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "content": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["department"].label_from_instance = lambda d: (
            f"{d.body.display_name} {d.display_name}"
        )

    def clean_name(self):
        return normalize(self.cleaned_data["name"])

    def clean_fiscal_year(self):
        year = self.cleaned_data.get("fiscal_year")
        if year is not None and year > latest_catalog_year():
            raise forms.ValidationError(too_far_ahead_message(year), code="too_far_ahead")
        return year

    def clean_code(self):
        return normalize(self.cleaned_data.get("code"))

    def clean(self):
        # The form has no body field, so the model's own check of (body, fiscal year, number)
        # would be skipped; it is made here, with the body of the chosen department.
        cleaned = super().clean()
        department, year = cleaned.get("department"), cleaned.get("fiscal_year")
        code = cleaned.get("code")
        if department is not None and year is not None and code:
            taken = CatalogProject.objects.filter(
                body_id=department.body_id, fiscal_year=year, code=code
            ).exclude(pk=self.instance.pk).first()
            if taken is not None:
                self.add_error("code", forms.ValidationError(
                    _("The project number %(code)s is already used for %(year)s by "
                      "「%(name)s」. Each project of a fiscal year needs its own number."),
                    code="unique",
                    params={"code": code, "year": format_fiscal_year(year), "name": taken.name},
                ))
        return cleaned


class NewCatalogProjectForm(SubmitOnceMixin, CatalogProjectForm):
    """Adding a project: saving the same form twice adds it once."""


def fiscal_year_choices(years):
    return [(year, format_fiscal_year(year)) for year in years]
