"""Published collaborations (協働事業) and the case library, as JSON and CSV.

Public data only: what the public pages show. The list takes the public page's filters
(``kyoso.collaborations.filters.CollaborationFilter``), so both answer the same question.
CSV is UTF-8 with BOM, and text a spreadsheet would run as a formula is defused with the
catalog export's helper.
"""

import csv
import io
from datetime import datetime
from typing import Literal

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import field_validator

from kyoso.cases.models import Case
from kyoso.catalog.io.exporter import BOM, defuse
from kyoso.collaborations.figures import progress_of
from kyoso.collaborations.filters import CollaborationFilter, public_collaborations
from kyoso.collaborations.models import Collaboration
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, format_fiscal_year
from kyoso.core.text import normalize

from ..pagination import PageNumberPagination
from ..schemas import INVALID, NOT_FOUND, BodyRef, DepartmentRef, LanguageParam, absolute, api_url
from .catalog import filter_errors

router = Router(tags=["Collaborations"])


class PartnerRef(Schema):
    id: int
    name: str
    name_en: str
    display_name: str


class OutcomeOut(Schema):
    indicator: str
    unit: str
    baseline: float
    target: float
    actual: float | None = Field(..., description="Latest counted actual; null if none yet.")
    actual_period: str
    change_percent: int | None = Field(
        ..., description="Whole percent change from the baseline (43 for 「43%増」)."
    )
    progress_percent: int | None = Field(
        ..., description="How far from baseline toward target, 0–100."
    )
    phrase: str = Field(..., description="e.g. `窓口来訪者数 43%増`, in the request's language.")


class EvaluationSideOut(Schema):
    side: Literal["government", "partner"]
    relevance: int = Field(..., description="Relevance of the policy, 1 (low) – 4 (high).")
    relevance_comment: str
    effectiveness: int = Field(..., description="Effectiveness of the results, 1–4.")
    effectiveness_comment: str
    process: int = Field(..., description="Appropriateness of the process, 1–4.")
    process_comment: str
    lessons: str


class EvaluationOut(Schema):
    fiscal_year: int | None = Field(..., description="Null for the final evaluation.")
    sides: list[EvaluationSideOut]


class CollaborationSummaryOut(Schema):
    id: int
    title: str
    body: BodyRef
    partners: list[PartnerRef]
    field: PolicyField
    field_label: str
    form: CollaborationForm
    form_label: str
    state: Collaboration.State
    state_label: str
    start_fiscal_year: int
    end_fiscal_year: int | None
    fiscal_years_label: str = Field(..., description="e.g. `2025年度(令和7年度)–`.")
    progress_percent: int | None
    outcomes: list[str] = Field(..., description="Outcome phrases, e.g. `窓口来訪者数 43%増`.")
    url: str
    api_url: str

    @staticmethod
    def resolve_partners(obj):
        return list(obj.partners.all())

    @staticmethod
    def resolve_field_label(obj):
        return str(obj.get_field_display())

    @staticmethod
    def resolve_form_label(obj):
        return str(obj.get_form_display())

    @staticmethod
    def resolve_state_label(obj):
        return str(obj.get_state_display())

    @staticmethod
    def resolve_fiscal_years_label(obj):
        return years_label(obj)

    @staticmethod
    def resolve_progress_percent(obj):
        return _progress(obj).percent

    @staticmethod
    def resolve_outcomes(obj):
        return [figure.phrase for figure in _progress(obj).indicators if figure.phrase]

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context["request"], "collaboration", collaboration_id=obj.pk)


class CollaborationOut(CollaborationSummaryOut):
    summary: str
    departments: list[DepartmentRef]
    started_on: str | None
    finished_on: str | None
    published_at: datetime
    milestones_total: int
    milestones_done: int
    outcome_figures: list[OutcomeOut]
    evaluations: list[EvaluationOut] = Field(..., description="Published joint evaluations.")

    @staticmethod
    def resolve_departments(obj):
        return list(obj.departments.all())

    @staticmethod
    def resolve_started_on(obj):
        return obj.started_on.isoformat() if obj.started_on else None

    @staticmethod
    def resolve_finished_on(obj):
        return obj.finished_on.isoformat() if obj.finished_on else None

    @staticmethod
    def resolve_milestones_total(obj):
        return _progress(obj).milestones_total

    @staticmethod
    def resolve_milestones_done(obj):
        return _progress(obj).milestones_done

    @staticmethod
    def resolve_outcome_figures(obj):
        from kyoso.collaborations.figures import change_percent

        figures = []
        for figure in _progress(obj).indicators:
            indicator, actual = figure.indicator, figure.actual
            figures.append({
                "indicator": indicator.name, "unit": indicator.unit,
                "baseline": float(indicator.baseline), "target": float(indicator.target),
                "actual": float(actual.value) if actual else None,
                "actual_period": actual.period if actual else "",
                "change_percent": change_percent(indicator.baseline, actual.value)
                if actual else None,
                "progress_percent": figure.percent, "phrase": figure.phrase,
            })
        return figures

    @staticmethod
    def resolve_evaluations(obj):
        return [
            {"fiscal_year": evaluation.fiscal_year, "sides": list(evaluation.sides.all())}
            for evaluation in obj.evaluations.filter(published_at__isnull=False)
            .prefetch_related("sides").order_by("fiscal_year")
        ]


def _progress(obj):
    cached = getattr(obj, "_api_progress", None)
    if cached is None:
        cached = obj._api_progress = progress_of(obj)
    return cached


def years_label(obj) -> str:
    first = format_fiscal_year(obj.start_fiscal_year)
    if obj.end_fiscal_year is None:
        return f"{first}–"
    if obj.end_fiscal_year == obj.start_fiscal_year:
        return first
    return f"{first}–{format_fiscal_year(obj.end_fiscal_year)}"


class CollaborationFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Keywords; every word must occur "
                          "(full-/half-width, kana and case folded, as the catalog).")
    body: str | None = Field(None, pattern=r"^\d{6}$", description="Local government code.")
    field: PolicyField | None = Field(None, description="Field of policy.")
    partner: int | None = Field(None, ge=1, description="Partner organization id.")
    fiscal_year: int | None = Field(None, ge=MIN_FISCAL_YEAR, le=MAX_FISCAL_YEAR,
                                    description="Collaborations running in this fiscal year.")
    format: Literal["json", "csv"] = Field(
        "json", description="`csv`: all matching rows as CSV (UTF-8 with BOM, for Excel)."
    )

    @field_validator("body", mode="before")
    @classmethod
    def normalize_code(cls, value):
        return normalize(value) if isinstance(value, str) else value

    def as_filter_data(self) -> dict:
        data = self.model_dump(exclude_none=True, mode="json")
        data.pop("format", None)
        return data


CSV_HEADERS = ["ID", "名称", "団体コード", "団体", "分野", "協働の形態", "状態", "開始年度",
               "終了年度", "協働先", "進捗率(%)", "成果", "URL"]
CSV_HEADERS_EN = ["ID", "Title", "Body code", "Body", "Field", "Form of collaboration", "State",
                  "First fiscal year", "Last fiscal year", "Partners", "Progress (%)",
                  "Outcomes", "URL"]


def collaborations_csv(request, collaborations) -> HttpResponse:
    """In the language of the request (``?lang=``): its headers, labels and the English names of
    bodies and partners where they have one; Japanese otherwise."""
    english = (get_language() or "ja").startswith("en")
    partner_separator = "; " if english else "・"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS_EN if english else CSV_HEADERS)
    # In chunks, each with its own prefetch queries: a few queries per 500 rows, not per row.
    for c in collaborations.iterator(chunk_size=500):
        progress = _progress(c)
        row = [
            c.pk, c.title, c.body.code, c.body.display_name, c.get_field_display(),
            c.get_form_display(), c.get_state_display(), c.start_fiscal_year,
            c.end_fiscal_year or "",
            partner_separator.join(o.display_name for o in c.partners.all()),
            "" if progress.percent is None else progress.percent,
            " / ".join(f.phrase for f in progress.indicators if f.phrase),
            absolute(request, c.get_absolute_url()),
        ]
        writer.writerow([defuse(value) if isinstance(value, str) else value for value in row])
    response = HttpResponse((BOM + buffer.getvalue()).encode("utf-8"),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="collaborations.csv"'
    return response


def _filtered(filters: CollaborationFilters):
    found = CollaborationFilter(filters.as_filter_data(), queryset=public_collaborations())
    if not found.is_valid():
        raise ValidationError(filter_errors(found.errors))
    return found.qs


class CollaborationPageOut(Schema):
    count: int
    count_exact: bool
    next: str | None
    previous: str | None
    results: list[CollaborationSummaryOut]


@router.get(
    "/collaborations",
    response={200: CollaborationPageOut, **INVALID, **NOT_FOUND},
    url_name="collaborations",
    summary="Published collaborations",
)
def list_collaborations(request, filters: Query[CollaborationFilters],
                        pages: Query[PageNumberPagination.Input], lang: LanguageParam = None):
    """Collaborations the bodies have published, newest fiscal year first, in the standard
    list shape. `?format=csv` answers every matching row as CSV instead of a page of JSON."""
    collaborations = _filtered(filters)
    if filters.format == "csv":
        return collaborations_csv(request, collaborations)
    return PageNumberPagination().paginate_queryset(collaborations, pages, request)


@router.get(
    "/collaborations/{collaboration_id}",
    response={200: CollaborationOut, **NOT_FOUND},
    url_name="collaboration",
    summary="One published collaboration",
)
def get_collaboration(request, collaboration_id: int, lang: LanguageParam = None):
    """Its outcomes, progress and published evaluations; unpublished or missing answer 404."""
    collaboration = public_collaborations().filter(pk=collaboration_id).first()
    if collaboration is None:
        raise Http404
    return collaboration


class CaseOut(Schema):
    id: int
    title: str
    title_en: str = Field(..., description="Empty where the desk wrote no English.")
    display_title: str = Field(..., description="The title in the language asked for (`lang`).")
    body: BodyRef
    summary: str
    summary_en: str
    outcomes: str
    outcomes_en: str
    what_worked: str
    what_worked_en: str
    lessons: str
    lessons_en: str
    partners: str
    fields: list[str]
    collaboration_id: int | None
    published_at: datetime
    updated_at: datetime = Field(..., description="When the case was last saved (corrected).")
    url: str

    @staticmethod
    def resolve_display_title(obj):
        return obj.localized_title()

    @staticmethod
    def resolve_partners(obj):
        return obj.partners_text

    @staticmethod
    def resolve_collaboration_id(obj):
        return obj.collaboration_id if obj.collaboration_id and (
            obj.collaboration.published_at) else None

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())


@router.get("/cases", response={200: list[CaseOut], **NOT_FOUND}, url_name="cases",
            summary="The case library", tags=["Cases"])
@paginate(PageNumberPagination)
def list_cases(request, lang: LanguageParam = None):
    """Published cases (事例), newest first."""
    return Case.objects.published().select_related("body", "collaboration")


@router.get("/cases/{case_id}", response={200: CaseOut, **NOT_FOUND}, url_name="case",
            summary="One published case", tags=["Cases"])
def get_case(request, case_id: int, lang: LanguageParam = None):
    case = Case.objects.published().select_related("body", "collaboration").filter(
        pk=case_id).first()
    if case is None:
        raise Http404
    return case
