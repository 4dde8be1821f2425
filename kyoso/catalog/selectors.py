"""Reads of the catalog, already scoped to the viewer."""

from django.db import connection
from django.http import Http404

from kyoso.core.memo import remembered
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


def disclosed_fiscal_years(state=None) -> list[int]:
    """The fiscal years of the disclosed catalog, newest first.

    Read as a skip scan (the newest year, then the newest before it, …: one probe of the list
    index per year), so it costs the same for a catalog of 3.6 million projects as for a demo;
    remembered by this process while the catalog's ``state`` (``counting.catalog_state``) is
    the same, or for a minute without one.
    """
    table = connection.ops.quote_name(CatalogProject._meta.db_table)

    def compute():
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH RECURSIVE years(year) AS ("  # noqa: S608 - our own table
                f" SELECT (SELECT max(fiscal_year) FROM {table} WHERE disclosed)"
                " UNION ALL"
                f" SELECT (SELECT max(fiscal_year) FROM {table} WHERE disclosed"
                "  AND fiscal_year < years.year) FROM years WHERE years.year IS NOT NULL"
                ") SELECT year FROM years WHERE year IS NOT NULL"
            )
            return [row[0] for row in cursor.fetchall()]

    return remembered(("catalog", "disclosed_fiscal_years"), state, compute)
