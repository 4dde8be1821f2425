"""The catalog's filters, shared by the pages and the API so both answer the same question."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from kyoso.core.text import search_terms
from kyoso.organizations.models import Department, GovernmentBody

from .models import CatalogProject


class CatalogFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", forms.ValidationError(
                _("The budget up to must not be less than the budget from."), code="range"
            ))
        return cleaned


class CatalogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Keywords"))
    body = django_filters.ModelChoiceFilter(
        queryset=GovernmentBody.objects.active(),
        to_field_name="code",
        label=_("Government body"),
        empty_label=_("All bodies"),
    )
    department = django_filters.ModelChoiceFilter(
        queryset=Department.objects.all(), label=_("Department"), empty_label=_("All departments")
    )
    field = django_filters.ChoiceFilter(
        choices=PolicyField.choices, label=_("Field"), empty_label=_("All fields")
    )
    fiscal_year = django_filters.NumberFilter(
        label=_("Fiscal year"), method="filter_fiscal_year",
        min_value=MIN_FISCAL_YEAR, max_value=MAX_FISCAL_YEAR,
    )
    open = django_filters.BooleanFilter(
        field_name="open_to_collaboration",
        label=_("Open to collaboration only"),
        widget=forms.CheckboxInput,
        method="filter_open",
    )
    # Text boxes, not type=number: a browser shows a number box holding 「１０００」 (full-width
    # digits, which people type and the filter reads) as empty, and the next search drops it.
    budget_min = django_filters.NumberFilter(
        field_name="budget_yen", lookup_expr="gte", label=_("Budget from (yen)"), min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    budget_max = django_filters.NumberFilter(
        field_name="budget_yen", lookup_expr="lte", label=_("Budget up to (yen)"), min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = CatalogProject
        fields = []
        form = CatalogFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        body_code = self.data.get("body") if self.data else None
        # Departments only make sense within one body: offer those of the chosen body.
        department_field = self.form.fields["department"]
        if body_code:
            department_field.queryset = Department.objects.filter(body__code=body_code)
        else:
            department_field.queryset = Department.objects.none()
            if self.data.get("department"):
                department_field.queryset = Department.objects.all()
        self.form.fields["body"].label_from_instance = lambda body: body.display_name
        department_field.label_from_instance = lambda department: department.display_name

    def filter_q(self, queryset, name, value):
        return queryset.search(search_terms(value))

    def filter_fiscal_year(self, queryset, name, value):
        # Through for_fiscal_year, so that PostgreSQL can use the search index's fiscal year.
        return queryset.for_fiscal_year(int(value))

    def filter_open(self, queryset, name, value):
        if value:
            return queryset.filter(open_to_collaboration=True)
        return queryset


def without_department_of_another_body(data):
    """The catalog page's filters without a department of another body than the chosen one: it
    was chosen before the body was changed (the form is sent again without JavaScript), and means
    "all of the new body", not an error. (The API still refuses such a department.)"""
    if not data or not data.get("department") or not data.get("body"):
        return data
    department = str(data.get("department"))
    if not department.isdigit() or not Department.objects.filter(pk=int(department)).exclude(
        body__code=data.get("body")
    ).exists():
        return data
    data = data.copy()
    data.pop("department", None)
    return data
