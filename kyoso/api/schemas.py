"""Shapes shared by every endpoint of the API: errors, the language parameter, references.

Codes (``field``, ``kind``, ``implementation``, local government codes) are stable across
languages; ``*_label`` and ``display_name`` follow the language of the request.
"""

from typing import Annotated, Any, Literal

from django.urls import reverse
from ninja import Field, Query, Schema

LANGUAGE_DESCRIPTION = (
    "Language of labels and display names: `ja` (default) or `en`. Overrides the "
    "`Accept-Language` header. Codes never change with the language."
)

Language = Literal["ja", "en"]

# The ``?lang=`` query parameter of every operation. Declaring it documents and validates it;
# it takes effect before the view runs (see conventions.py).
LanguageParam = Annotated[Language | None, Query(None, description=LANGUAGE_DESCRIPTION)]


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def api_url(request, name: str, **kwargs) -> str:
    return absolute(request, reverse(f"api-v1:{name}", kwargs=kwargs))


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, in the language of the request.")


class ValidationErrorItem(Schema):
    type: str = Field(..., description="Machine-readable kind of error.")
    loc: list[str | int] = Field(..., description='Where the error is, e.g. `["query", "body"]`.')
    msg: str = Field(..., description="Human-readable message.")
    ctx: dict[str, Any] | None = None


class ValidationErrorOut(Schema):
    detail: list[ValidationErrorItem]


class BodyRef(Schema):
    """A government body as it appears inside another record."""

    code: str = Field(..., description="全国地方公共団体コード (six digits with check digit).")
    name: str
    name_en: str
    display_name: str


class DepartmentRef(Schema):
    """A department as it appears inside another record."""

    id: int
    name: str
    name_en: str
    display_name: str


# Error responses every detail endpoint may give, for the OpenAPI document.
NOT_FOUND = {404: ErrorOut}
INVALID = {422: ValidationErrorOut}
