"""Check every row of a sheet before anything is written, collecting every problem.

A problem is reported as (line, column, message): the row number the spreadsheet shows, the
header as the file writes it, and a message in the user's language. Rows are turned into
``RowPlan`` objects holding only the columns the file has, so that an update leaves fields the
file does not mention as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kyoso.core.fiscal import format_fiscal_year
from kyoso.core.text import normalize

from ..models import CatalogProject
from . import values
from .columns import COLUMNS_BY_KEY, HeaderMap, map_headers
from .readers import Sheet

MAX_LENGTHS = {
    "code": CatalogProject._meta.get_field("code").max_length,
    "name": CatalogProject._meta.get_field("name").max_length,
    "name_en": CatalogProject._meta.get_field("name_en").max_length,
    "beneficiaries": CatalogProject._meta.get_field("beneficiaries").max_length,
    "contact": CatalogProject._meta.get_field("contact").max_length,
    "department": 100,  # Department.name
    "bureau": 100,  # Department.bureau
}


@dataclass(frozen=True)
class Issue:
    line: int | None  # None for a problem with the file as a whole
    column: str
    message: str


@dataclass
class RowPlan:
    line: int
    department_name: str
    bureau: str
    data: dict = field(default_factory=dict)  # model field → value, only for columns in the file

    @property
    def key(self) -> tuple[int, str] | None:
        code = self.data.get("code")
        return (self.data["fiscal_year"], code) if code else None


def _read_cell(key: str, raw, headers: HeaderMap):
    if key == "fiscal_year":
        return values.read_fiscal_year(raw)
    if key == "budget":
        return values.read_amount(raw, headers.budget_multiplier)
    if key in ("purpose", "content"):
        return values.read_long_text(raw)
    if key == "implementation":
        return values.read_implementation(raw)
    if key == "field":
        return values.read_field(raw)
    if key in ("open_to_collaboration", "disclosed"):
        return values.read_boolean(raw)
    if key == "collaboration_forms":
        return values.read_collaboration_forms(raw)
    return values.read_short_text(raw, MAX_LENGTHS[key])


# Where a value goes on the model, and what a blank cell means for a new project.
MODEL_FIELD = {"budget": "budget_yen"}
BLANK_DEFAULTS = {
    "implementation": CatalogProject.Implementation.DIRECT.value,
    "open_to_collaboration": True,
    "disclosed": True,
}


def header_issues(headers: HeaderMap) -> list[Issue]:
    issues = [
        Issue(
            None,
            str(column.label),
            _("The required column “%(header)s” is missing.") % {"header": column.header},
        )
        for column in headers.missing_required()
    ]
    for _key, first, second in headers.duplicates:
        issues.append(
            Issue(
                None,
                second,
                _(
                    "The columns “%(first)s” and “%(second)s” hold the "
                    "same item. Keep only one of them."
                )
                % {"first": first, "second": second},
            )
        )
    return issues


def validate_sheet(sheet: Sheet) -> tuple[HeaderMap, list[RowPlan], list[Issue]]:
    """Read every row; return the plans and every issue found (plans are void if any issue)."""
    headers = map_headers(sheet.header)
    issues = header_issues(headers)
    if issues:
        return headers, [], issues
    plans: list[RowPlan] = []
    first_line_of: dict[tuple[int, str], int] = {}
    positions = headers.positions
    for line, cells in sheet.rows:
        data: dict = {}
        row_issues: list[Issue] = []
        for key, position in positions.items():
            raw = cells[position] if position < len(cells) else None
            if COLUMNS_BY_KEY[key].required and values.is_blank(raw):
                row_issues.append(Issue(line, headers.header_of(key), _("This value is required.")))
                continue
            try:
                value = _read_cell(key, raw, headers)
            except values.CellError as error:
                row_issues.append(Issue(line, headers.header_of(key), str(error)))
                continue
            if value is None and key in BLANK_DEFAULTS:
                value = BLANK_DEFAULTS[key]
            data[MODEL_FIELD.get(key, key)] = value
        if row_issues:
            issues.extend(row_issues)
            continue
        plan = RowPlan(
            line=line,
            department_name=data.pop("department"),
            bureau=data.pop("bureau", ""),
            data=data,
        )
        key = plan.key
        if key is not None:
            if key in first_line_of:
                issues.append(
                    Issue(
                        line,
                        headers.header_of("code"),
                        _(
                            "The project number %(code)s appears twice for %(year)s "
                            "(first on line %(first)s)."
                        )
                        % {
                            "code": key[1],
                            "year": format_fiscal_year(key[0]),
                            "first": first_line_of[key],
                        },
                    )
                )
                continue
            first_line_of[key] = line
        plans.append(plan)
    return headers, plans, issues


def department_key(name: str) -> str:
    """Departments are matched by name as staff type it: ``こども家庭課`` = ``こども 家庭課``."""
    return normalize(name).replace(" ", "")
