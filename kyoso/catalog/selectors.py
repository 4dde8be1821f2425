"""Reads of the catalog, already scoped to the viewer."""

from django.http import Http404

from kyoso.organizations.selectors import departments_kept_by

from .models import CatalogProject

LIST_FIELDS = (
    "id",
    "fiscal_year",
    "name",
    "name_en",
    "budget_yen",
    "field",
    "open_to_collaboration",
    "disclosed",
    "implementation",
    "body__code",
    "body__name",
    "body__name_en",
    "department__name",
    "department__name_en",
)


def catalog_projects_for(user):
    """Projects the user may see, with what a list shows, newest fiscal year first."""
    return (
        CatalogProject.objects.visible_to(user)
        .select_related("body", "department")
        .only(*LIST_FIELDS)
        .order_by("-fiscal_year", "id")
    )


def catalog_project_for(user, pk) -> CatalogProject:
    """One project the user may see; anything else is a 404, whether it exists or not."""
    try:
        return (
            CatalogProject.objects.visible_to(user)
            .select_related("body", "department", "body__parent")
            .get(pk=pk)
        )
    except (CatalogProject.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def catalog_projects_kept_by(user):
    """The entries a member of government staff keeps: their departments', or whole bodies'."""
    return (
        CatalogProject.objects.filter(department__in=departments_kept_by(user).values("pk"))
        .select_related("body", "department")
        .only(*LIST_FIELDS)
        .order_by("-fiscal_year", "department__name", "id")
    )
