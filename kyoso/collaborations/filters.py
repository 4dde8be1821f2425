"""Filters of the public list of collaborations, shared by the page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.text import search_terms
from kyoso.organizations.models import GovernmentBody, Organization

from .models import Collaboration


class CollaborationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Keywords"))
    body = django_filters.ModelChoiceFilter(
        queryset=GovernmentBody.objects.active(), to_field_name="code",
        label=_("Government body"), empty_label=_("All bodies"),
    )
    field = django_filters.ChoiceFilter(choices=PolicyField.choices, label=_("Field"),
                                        empty_label=_("All fields"))
    partner = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.filter(collaborations__published_at__isnull=False)
        .distinct(), method="filter_partner", label=_("Partner organization"),
        empty_label=_("All partners"),
    )
    fiscal_year = django_filters.NumberFilter(method="filter_fiscal_year",
                                              label=_("Fiscal year"))

    class Meta:
        model = Collaboration
        fields = []

    # A national installation has thousands of partners: beyond this many, the page's list of
    # partners waits for a body to be chosen (any partner id is still accepted).
    PARTNERS_LISTED = 200

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["body"].label_from_instance = lambda body: body.display_name
        field = self.form.fields["partner"]
        field.label_from_instance = lambda o: o.display_name
        data = self.data or {}
        offered = field.queryset.order_by("name_kana", "name")
        if data.get("body"):
            offered = offered.filter(
                collaborations__body__code=data.get("body"),
                collaborations__published_at__isnull=False,
            ).distinct()
        shown = list(offered[: self.PARTNERS_LISTED + 1])
        if len(shown) > self.PARTNERS_LISTED:
            chosen = str(data.get("partner") or "")
            shown = list(offered.filter(pk=chosen)) if chosen.isdigit() else []
            field.help_text = _("Choose a body first to list its partners.")
        field.widget.choices = [("", field.empty_label)] + [
            (organization.pk, organization.display_name) for organization in shown
        ]

    def filter_q(self, queryset, name, value):
        return queryset.search(search_terms(value))

    def filter_partner(self, queryset, name, value):
        return queryset.filter(pk__in=Collaboration.objects.filter(partners=value).values("pk"))

    def filter_fiscal_year(self, queryset, name, value):
        return queryset.for_fiscal_year(int(value))


def public_collaborations():
    """Published collaborations with what their rows show (partners, progress figures)
    prefetched: a page or an export costs the same few queries whatever its size."""
    return (Collaboration.objects.published().select_related("body")
            .prefetch_related("partners", "departments", "milestones",
                              "indicators__actuals__report")
            .order_by("-start_fiscal_year", "-published_at", "-pk"))
