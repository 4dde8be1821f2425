"""Government bodies and their departments, addressed by 全国地方公共団体コード.

Only bodies active on Kyoso exist for the API; an inactive or unknown code answers 404.
"""

import jaconv
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import field_validator

from kyoso.core.text import normalize
from kyoso.organizations.models import Department, GovernmentBody

from ..pagination import PageNumberPagination
from ..schemas import (
    INVALID,
    NOT_FOUND,
    BodyRef,
    LanguageParam,
    absolute,
    api_url,
)

router = Router(tags=["Bodies"])
departments_router = Router(tags=["Departments"])

CODE_PATTERN = r"^\d{6}$"


class BodyOut(Schema):
    code: str = Field(..., description="全国地方公共団体コード, e.g. 410004 for Saga Prefecture.")
    kind: GovernmentBody.Kind
    kind_label: str = Field(..., description="The kind in the language of the request.")
    name: str
    name_kana: str = Field(..., description="Furigana of the name.")
    name_en: str
    display_name: str = Field(..., description="English name under `lang=en` if there is one.")
    parent: BodyRef | None = Field(..., description="The prefecture of a municipality.")
    website: str
    url: str = Field(..., description="The body's page on Kyoso.")
    api_url: str
    departments_url: str
    catalog_url: str = Field(..., description="The body's projects in this API.")

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_url(obj, context) -> str:
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "body_detail", code=obj.code)

    @staticmethod
    def resolve_departments_url(obj, context) -> str:
        return api_url(context["request"], "body_departments", code=obj.code)

    @staticmethod
    def resolve_catalog_url(obj, context) -> str:
        return api_url(context["request"], "catalog_projects") + f"?body={obj.code}"


class BodyFilters(Schema):
    kind: GovernmentBody.Kind | None = Field(None, description="Only bodies of this kind.")
    parent: str | None = Field(
        None,
        pattern=CODE_PATTERN,
        description="Local government code of a prefecture: only its municipalities.",
    )
    q: str | None = Field(
        None,
        max_length=100,
        description="Words in the name, its furigana (hiragana or katakana) or the English name.",
    )

    @field_validator("parent", "q", mode="before")
    @classmethod
    def normalize_text(cls, value):
        # Full-width digits and letters are what Japanese keyboards often send.
        return normalize(value) if isinstance(value, str) else value


class DepartmentOut(Schema):
    id: int
    name: str
    name_en: str
    display_name: str
    bureau: str = Field(..., description="The bureau (部局) the department belongs to.")
    is_desk: bool = Field(..., description="Whether it is the body's collaboration desk.")
    body: BodyRef
    api_url: str
    catalog_url: str = Field(..., description="The department's projects in this API.")

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "department_detail", department_id=obj.pk)

    @staticmethod
    def resolve_catalog_url(obj, context) -> str:
        base = api_url(context["request"], "catalog_projects")
        return f"{base}?body={obj.body.code}&department={obj.pk}"


def active_bodies():
    return GovernmentBody.objects.active().select_related("parent").order_by("code")


def active_body(code: str) -> GovernmentBody:
    try:
        return active_bodies().get(code=normalize(code))
    except GovernmentBody.DoesNotExist:
        raise Http404(_("No government body with this code is on Kyoso.")) from None


def name_matches(term: str) -> Q:
    """One word against the name, the English name and the furigana in either kana."""
    return (
        Q(name__icontains=term)
        | Q(name_en__icontains=term)
        | Q(name_kana__icontains=jaconv.kata2hira(term))
        | Q(name_kana__icontains=jaconv.hira2kata(term))
    )


@router.get(
    "/bodies",
    response={200: list[BodyOut], **INVALID, **NOT_FOUND},
    url_name="bodies",
    summary="List government bodies",
)
@paginate(PageNumberPagination)
def list_bodies(
    request, filters: Query[BodyFilters], lang: LanguageParam = None
):
    """Prefectures, municipalities and agencies active on Kyoso, ordered by code."""
    bodies = active_bodies()
    if filters.kind:
        bodies = bodies.filter(kind=filters.kind)
    if filters.parent:
        parent = GovernmentBody.objects.active().filter(code=filters.parent).only("pk").first()
        if parent is None:
            raise ValidationError(
                [
                    {
                        "type": "unknown_body",
                        "loc": ["query", "parent"],
                        "msg": _("No government body with this code is on Kyoso."),
                    }
                ]
            )
        bodies = bodies.filter(parent=parent)
    for term in (filters.q or "").split():
        bodies = bodies.filter(name_matches(term))
    return bodies


@router.get(
    "/bodies/{code}",
    response={200: BodyOut, **NOT_FOUND},
    url_name="body_detail",
    summary="One government body",
)
def get_body(request, code: str, lang: LanguageParam = None):
    """A body by its local government code, e.g. `/bodies/410004` for Saga Prefecture."""
    return active_body(code)


@router.get(
    "/bodies/{code}/departments",
    response={200: list[DepartmentOut], **NOT_FOUND, **INVALID},
    url_name="body_departments",
    summary="Departments of a body",
)
@paginate(PageNumberPagination)
def list_body_departments(request, code: str, lang: LanguageParam = None):
    """The departments (部局・課) of a body, by bureau and name; the desk is marked."""
    body = active_body(code)
    return (
        Department.objects.filter(body=body)
        .select_related("body")
        .order_by("bureau", "name", "id")
    )


@departments_router.get(
    "/departments/{department_id}",
    response={200: DepartmentOut, **NOT_FOUND},
    url_name="department_detail",
    summary="One department",
)
def get_department(request, department_id: int, lang: LanguageParam = None):
    """A department of an active body, by its id."""
    try:
        return Department.objects.select_related("body").get(
            pk=department_id, body__is_active=True
        )
    except Department.DoesNotExist:
        raise Http404(_("No department with this id is on Kyoso.")) from None
