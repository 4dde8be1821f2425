"""The disclosed project catalog (事業一覧), with the filters of the catalog page.

The list runs the page's own ``CatalogFilter`` over the viewer's projects
(``catalog_projects_for``), so the page and the API answer the same question. Anonymous callers
see disclosed projects only; a signed-in member of a body also sees that body's undisclosed ones.
"""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import field_validator, model_validator

from kyoso.catalog.counting import count_key, search_page_plans
from kyoso.catalog.filters import CatalogFilter
from kyoso.catalog.models import COLLABORATION_FORM_LABELS, CatalogProject
from kyoso.catalog.selectors import LIST_FIELDS, catalog_project_for, catalog_projects_for
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, format_fiscal_year
from kyoso.core.text import normalize

from ..pagination import PageNumberPagination
from ..schemas import (
    INVALID,
    NOT_FOUND,
    BodyRef,
    DepartmentRef,
    LanguageParam,
    absolute,
    api_url,
)

router = Router(tags=["Catalog"])

# What a list item shows beyond the selector's list columns; long texts stay on the detail.
API_LIST_FIELDS = (*LIST_FIELDS, "code", "collaboration_forms", "contact")


class ProjectSummaryOut(Schema):
    id: int
    project_number: str = Field(..., description="The body's own number for the project, if any.")
    fiscal_year: int = Field(..., description="Fiscal year (年度, April–March), Western year.")
    fiscal_year_label: str = Field(
        ..., description="e.g. `2025年度(令和7年度)` or `FY2025 (Reiwa 7)`."
    )
    name: str
    name_en: str
    display_name: str
    body: BodyRef
    department: DepartmentRef
    budget_yen: int | None = Field(..., description="Budget in yen; null when not disclosed.")
    field: PolicyField
    field_label: str
    implementation: CatalogProject.Implementation
    implementation_label: str
    open_to_collaboration: bool
    collaboration_forms: list[CollaborationForm] = Field(
        ..., description="Forms of collaboration the body welcomes (codes)."
    )
    collaboration_form_labels: list[str] = Field(
        ..., description="The same forms, as labels in the language of the request."
    )
    contact: str
    disclosed: bool = Field(
        ..., description="Always true for the public; false marks an entry only staff see."
    )
    url: str = Field(..., description="The project's page on Kyoso.")
    api_url: str

    @staticmethod
    def resolve_project_number(obj) -> str:
        return obj.code

    @staticmethod
    def resolve_fiscal_year_label(obj) -> str:
        return format_fiscal_year(obj.fiscal_year)

    @staticmethod
    def resolve_field_label(obj) -> str:
        # The models' tables of labels: get_FOO_display rebuilds its table on every call.
        return str(obj.field_label)

    @staticmethod
    def resolve_implementation_label(obj) -> str:
        return str(obj.implementation_label)

    @staticmethod
    def resolve_collaboration_forms(obj) -> list[str]:
        # Ignore codes a later vocabulary change may have left behind, rather than fail.
        return [code for code in obj.collaboration_forms if code in COLLABORATION_FORM_LABELS]

    @staticmethod
    def resolve_collaboration_form_labels(obj) -> list[str]:
        labels = COLLABORATION_FORM_LABELS
        return [str(labels[code]) for code in obj.collaboration_forms if code in labels]

    @staticmethod
    def resolve_url(obj, context) -> str:
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "catalog_project", project_id=obj.pk)


class ProjectOut(ProjectSummaryOut):
    purpose: str
    content: str
    beneficiaries: str = Field(..., description="Target beneficiaries.")
    updated_at: datetime


class ProjectFilters(Schema):
    q: str | None = Field(
        None,
        max_length=200,
        description=(
            "Keywords; every word must occur. Full-width and half-width, upper and lower case, "
            "hiragana and katakana are the same (さぽーと finds サポート, ＮＰＯ finds NPO)."
        ),
    )
    body: str | None = Field(
        None, pattern=r"^\d{6}$", description="Local government code of a body, e.g. 410004."
    )
    department: int | None = Field(
        None, ge=1, description="Department id (of the chosen body, when `body` is given)."
    )
    field: PolicyField | None = Field(None, description="Field of policy.")
    fiscal_year: int | None = Field(
        None, ge=MIN_FISCAL_YEAR, le=MAX_FISCAL_YEAR, description="Fiscal year, e.g. 2025."
    )
    open: bool | None = Field(
        None,
        description=(
            "`true`: only projects open to collaboration. `false` or absent: all projects "
            "(as the catalog page's checkbox)."
        ),
    )
    budget_min: int | None = Field(None, ge=0, description="Budget from (yen).")
    budget_max: int | None = Field(None, ge=0, description="Budget up to (yen).")

    @field_validator("*", mode="before")
    @classmethod
    def empty_means_absent(cls, value):
        # The catalog page's own query string sends its empty fields (``?q=&field=&…``).
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("body", mode="before")
    @classmethod
    def normalize_code(cls, value):
        return normalize(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def budget_range_in_order(self):
        if (
            self.budget_min is not None
            and self.budget_max is not None
            and self.budget_min > self.budget_max
        ):
            raise ValueError(_("budget_min must not be greater than budget_max."))
        return self

    def as_filter_data(self) -> dict:
        data = self.model_dump(exclude_none=True, mode="json")
        if not data.get("open"):
            data.pop("open", None)
        return data


def filter_errors(form_errors) -> list[dict]:
    return [
        {"type": "invalid", "loc": ["query", name], "msg": str(message)}
        for name, messages in form_errors.items()
        for message in messages
    ]


@router.get(
    "/catalog/projects",
    response={200: list[ProjectSummaryOut], **INVALID, **NOT_FOUND},
    url_name="catalog_projects",
    summary="Search the project catalog",
)
@paginate(PageNumberPagination)
def list_projects(
    request, filters: Query[ProjectFilters], lang: LanguageParam = None
):
    """Projects bodies disclose, newest fiscal year first (then in order of entry).

    Takes the filters of the catalog page. An unknown body or a department outside the chosen
    body answers 422.
    """
    project_filter = CatalogFilter(
        filters.as_filter_data(),
        queryset=catalog_projects_for(request.user).only(*API_LIST_FIELDS),
    )
    if not project_filter.is_valid():
        raise ValidationError(filter_errors(project_filter.errors))
    if not request.user.is_authenticated:
        # The public all see the same totals: share them (see kyoso.catalog.counting).
        request.count_key = count_key({"api": "1", **project_filter.form.data},
                                      state=getattr(request, "page_state", None))
    request.page_plans = search_page_plans(project_filter.form.data)
    return project_filter.qs


@router.get(
    "/catalog/projects/{project_id}",
    response={200: ProjectOut, **NOT_FOUND},
    url_name="catalog_project",
    summary="One catalog project",
)
def get_project(request, project_id: int, lang: LanguageParam = None):
    """A project the caller may see; undisclosed or missing projects answer 404 alike."""
    return catalog_project_for(request.user, project_id)
