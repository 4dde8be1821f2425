"""Public pages of the catalog: anyone may browse and search what bodies disclose."""

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kyoso.core.choices import PolicyField
from kyoso.core.fiscal import fiscal_year_of
from kyoso.core.page_cache import cache_public_page
from kyoso.organizations.models import GovernmentBody
from kyoso.organizations.selectors import body_choice_groups

from ..counting import CachedCountPaginator, catalog_state, count_key, search_page_plans
from ..filters import CatalogFilter, without_department_of_another_body
from ..forms import fiscal_year_choices
from ..selectors import catalog_project_for, catalog_projects_for, disclosed_fiscal_years

PAGE_SIZES = (20, 50, 100)


def page_size_from(request) -> int:
    try:
        size = int(request.GET.get("page_size", PAGE_SIZES[0]))
    except ValueError:
        return PAGE_SIZES[0]
    return size if size in PAGE_SIZES else PAGE_SIZES[0]


def recent_fiscal_years() -> list[int]:
    current = fiscal_year_of()
    return list(range(current + 1, current - 11, -1))


def offered_fiscal_years(project_filter, state=None) -> list[int]:
    """The recent years, every year the catalog holds (a body may have disclosed its history),
    and the year asked for, newest first."""
    years = set(recent_fiscal_years()) | set(disclosed_fiscal_years(state))
    if project_filter.is_bound and project_filter.form.is_valid():
        chosen = project_filter.form.cleaned_data.get("fiscal_year")
        if chosen is not None:
            years.add(int(chosen))
    return sorted(years, reverse=True)


def department_choices(project_filter) -> list[tuple[int, str]]:
    """The chosen body's departments; none until a body is chosen (a nation has tens of
    thousands)."""
    if not project_filter.is_bound or not project_filter.form.is_valid():
        return []
    body = project_filter.form.cleaned_data.get("body")
    if body is None:
        return []
    return [(d.pk, d.display_name) for d in body.departments.order_by("bureau", "name")]


@require_safe
@cache_public_page(catalog_state)
def home(request):
    prefectures = (
        GovernmentBody.objects.active()
        .prefectures()
        .annotate(municipality_count=Count("municipalities"))
        .order_by("code")
    )
    return render(
        request,
        "catalog/home.html",
        {"prefectures": prefectures, "fiscal_year": fiscal_year_of()},
    )


@require_safe
@cache_public_page(catalog_state)
def project_list(request):
    project_filter = CatalogFilter(
        without_department_of_another_body(request.GET) or None,
        queryset=catalog_projects_for(request.user),
    )
    # Anonymous visitors all see the same counts, which may therefore be shared (see counting).
    key = None
    if not request.user.is_authenticated and project_filter.is_bound and project_filter.is_valid():
        key = count_key(request.GET.dict(), state=getattr(request, "page_state", None))
    elif not request.user.is_authenticated and not project_filter.is_bound:
        key = count_key({}, state=getattr(request, "page_state", None))
    paginator = CachedCountPaginator(
        project_filter.qs, page_size_from(request), count_key=key,
        **search_page_plans(request.GET),
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "catalog/project_list.html",
        {
            "filter": project_filter,
            "form": project_filter.form,
            "page": page,
            "fiscal_years": fiscal_year_choices(
                offered_fiscal_years(project_filter, getattr(request, "page_state", None))
            ),
            "body_choices": body_choice_groups(),
            "field_choices": PolicyField.choices,
            "department_choices": department_choices(project_filter),
            "page_sizes": PAGE_SIZES,
            "page_size": paginator.per_page,
        },
    )


@require_safe
@cache_public_page(catalog_state)
def project_detail(request, pk):
    project = catalog_project_for(request.user, pk)
    return render(
        request,
        "catalog/project_detail.html",
        {
            "project": project,
            "can_change": request.user.has_perm("catalog.change_project", project),
        },
    )
