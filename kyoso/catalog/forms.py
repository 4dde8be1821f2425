from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import CollaborationForm
from kyoso.core.fiscal import format_fiscal_year, parse_fiscal_year
from kyoso.core.text import normalize

from .models import CatalogProject
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

    def clean_code(self):
        return normalize(self.cleaned_data.get("code"))


def fiscal_year_choices(years):
    return [(year, format_fiscal_year(year)) for year in years]
