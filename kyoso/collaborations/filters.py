"""Filters of the public list of collaborations, shared by the page and the API."""

import django_filters
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.memo import newest_state, remembered
from kyoso.core.text import search_terms
from kyoso.organizations.models import GovernmentBody, Organization
from kyoso.organizations.selectors import organization_linked, organizations_linked

from .models import Collaboration, Indicator, IndicatorActual, Milestone


class CollaborationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Keywords"))
    body = django_filters.ModelChoiceFilter(
        queryset=GovernmentBody.objects.active(), to_field_name="code",
        label=_("Government body"), empty_label=_("All bodies"),
    )
    field = django_filters.ChoiceFilter(choices=PolicyField.choices, label=_("Field"),
                                        empty_label=_("All fields"))
    partner = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.filter(
            pk__in=Collaboration.partners.through.objects.filter(
                collaboration__published_at__isnull=False).values("organization_id")
        ), method="filter_partner", label=_("Partner organization"),
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

    @cached_property
    def partner_choices(self) -> list[tuple[str, str]]:
        """The partners the page offers (with "All partners" first), by reading: those of the
        chosen body's published collaborations, or of all published ones while there are no
        more than ``PARTNERS_LISTED``; else only a partner given in the address. Read only by
        the page that shows them (not by the API), and kept by the process while no
        collaboration has been written (``kyoso.core.memo``)."""
        field = self.form.fields["partner"]
        data = self.data or {}
        body = str(data.get("body") or "")
        partners = remembered(
            ("collaborations:partners", body, self.PARTNERS_LISTED, get_language()),
            newest_state(Collaboration.objects),
            lambda: organizations_linked(_partner_links(body), limit=self.PARTNERS_LISTED),
        )
        if partners is None:
            partners = organization_linked(_partner_links(body), str(data.get("partner") or ""))
            # On the field and on its bound field, which copied the field's when it was made.
            field.help_text = self.form["partner"].help_text = _(
                "Choose a body first to list its partners.")
        return [("", str(field.empty_label)), *partners]

    def filter_q(self, queryset, name, value):
        return queryset.search(search_terms(value))

    def filter_partner(self, queryset, name, value):
        return queryset.filter(pk__in=Collaboration.partners.through.objects.filter(
            organization=value).values("collaboration_id"))

    def filter_fiscal_year(self, queryset, name, value):
        return queryset.for_fiscal_year(int(value))


def _partner_links(body: str):
    links = Collaboration.partners.through.objects.filter(
        collaboration__published_at__isnull=False)
    return links.filter(collaboration__body__code=body) if body else links


def public_collaborations():
    """Published collaborations with what their rows show (partners, progress figures)
    prefetched, each with only the columns the figures need: a page or an export costs the
    same few queries whatever its size."""
    return (
        Collaboration.objects.published().select_related("body")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.only("id", "name", "name_en")),
            # Ordered by their own columns: the models' orderings go through the collaboration
            # and would join it again in every one of these queries.
            Prefetch("milestones", queryset=Milestone.objects.only(
                "id", "collaboration_id", "due_on", "done_on",
            ).order_by("collaboration_id", "due_on", "id")),
            Prefetch("indicators", queryset=Indicator.objects.only(
                "id", "collaboration_id", "name", "unit", "baseline", "target",
            ).order_by("collaboration_id", "id").prefetch_related(
                Prefetch("actuals", queryset=IndicatorActual.objects.only(
                    "id", "indicator_id", "report_id", "period", "measured_on", "value",
                    "report__state",
                ).select_related("report").order_by("indicator_id", "measured_on", "id")),
            ))
        )
        .order_by("-start_fiscal_year", "-published_at", "-pk")
    )
