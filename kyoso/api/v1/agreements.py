"""Agreements (協定) bodies signed with partners: a searchable list, one agreement, and CSV.

Public data only: every signed agreement (signed, in force, renewed, expired or terminated),
its parties, fields, items, term, signed memoranda, amendments and the documents its body made
public.
Drafts are never in the API, whoever asks (the parties follow them on the pages).
"""


import csv
import datetime as dt
from typing import Literal

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator

from kyoso.agreements import selectors
from kyoso.agreements.models import Agreement, Amendment
from kyoso.catalog.io.exporter import BOM, defuse
from kyoso.core.choices import PolicyField
from kyoso.core.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, format_fiscal_year
from kyoso.core.text import normalize

from ..pagination import PageNumberPagination
from ..schemas import INVALID, NOT_FOUND, BodyRef, LanguageParam, absolute, api_url

router = Router(tags=["Agreements"])


class PartyOut(Schema):
    id: int
    name: str
    name_en: str
    display_name: str


class ItemOut(Schema):
    number: int
    text: str
    text_en: str


class MemorandumOut(Schema):
    title: str
    title_en: str
    program: str
    signed_on: dt.date
    text: str


class DocumentOut(Schema):
    title: str
    file_name: str
    content_type: str
    size: int
    url: str


class AmendmentOut(Schema):
    number: int = Field(..., description="1, 2, … in the order the amendments were recorded.")
    kind: Amendment.Kind
    kind_label: str
    signed_on: dt.date
    description: str = Field(..., description="What the amendment changes, in words.")
    description_en: str
    changes_end: bool = Field(
        ..., description="Whether the amendment changed the end of the term."
    )
    ends_on_before: dt.date | None = Field(
        ..., description="The last day of the term before the amendment (null: no fixed end, "
        "or the amendment did not change the term)."
    )
    ends_on_after: dt.date | None = Field(
        ..., description="The last day of the term set by the amendment (null: no fixed end "
        "after it, when `changes_end`; otherwise the term did not change)."
    )
    items_before: list[ItemOut] | None = Field(
        ..., description="The items of cooperation before the amendment; null: the items did "
        "not change."
    )
    items_after: list[ItemOut] | None = Field(
        ..., description="The items of cooperation set by the amendment; null: the items did "
        "not change."
    )
    document: DocumentOut | None = Field(
        ..., description="The signed text, when the body made it public."
    )

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def _items(pairs):
        if pairs is None:
            return None
        return [{"number": number, "text": text, "text_en": text_en}
                for number, (text, text_en) in enumerate(pairs, start=1)]

    @staticmethod
    def resolve_items_before(obj) -> list[dict] | None:
        return AmendmentOut._items(obj.items_before)

    @staticmethod
    def resolve_items_after(obj) -> list[dict] | None:
        return AmendmentOut._items(obj.items_after)

    @staticmethod
    def resolve_document(obj, context) -> dict | None:
        document = obj.document
        if document is None or not document.is_public:
            return None
        return _document(document, obj.agreement_id, context["request"])


def _document(document, agreement_id: int, request) -> dict:
    return {
        "title": document.title, "file_name": document.original_name,
        "content_type": document.content_type, "size": document.size,
        "url": absolute(request, reverse("agreements:document",
                                         args=[agreement_id, document.pk])),
    }


class AgreementSummaryOut(Schema):
    id: int
    kind: Agreement.Kind
    kind_label: str
    state: Literal["signed", "active", "renewed", "expired", "terminated"]
    state_label: str
    title: str
    title_en: str
    display_title: str
    body: BodyRef
    other_bodies: list[BodyRef]
    partners: list[PartyOut]
    fields: list[str] = Field(..., description="Codes of the fields (as the catalog's `field`).")
    field_labels: list[str]
    signed_on: dt.date
    fiscal_year: int = Field(..., description="Fiscal year (April–March) of the signing.")
    fiscal_year_label: str
    starts_on: dt.date | None
    ends_on: dt.date | None = Field(..., description="Last day of the term; null: no fixed end.")
    auto_renew: bool
    renewal_months: int | None
    url: str = Field(..., description="The agreement's public page.")
    api_url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_state_label(obj) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_display_title(obj) -> str:
        return obj.localized_title()

    @staticmethod
    def resolve_other_bodies(obj) -> list:
        return list(obj.other_bodies.all())

    @staticmethod
    def resolve_partners(obj) -> list:
        return [link.organization for link in obj.partner_links.all()]

    @staticmethod
    def resolve_field_labels(obj) -> list[str]:
        return [str(label) for label in obj.field_labels()]

    @staticmethod
    def resolve_fiscal_year_label(obj) -> str:
        return format_fiscal_year(obj.fiscal_year)

    @staticmethod
    def resolve_url(obj, context) -> str:
        return absolute(context["request"], _page(obj))

    @staticmethod
    def resolve_api_url(obj, context) -> str:
        return api_url(context["request"], "agreement", agreement_id=obj.pk)


class AgreementOut(AgreementSummaryOut):
    summary: str
    summary_en: str
    items: list[ItemOut]
    memoranda: list[MemorandumOut] = Field(..., description="Signed memoranda only.")
    amendments: list[AmendmentOut] = Field(
        ..., description="Signed amendments (変更協定・変更覚書), oldest first. The agreement's "
        "`ends_on` and `items` are as amended; each amendment keeps what it replaced."
    )
    documents: list[DocumentOut] = Field(..., description="Documents the body made public.")
    press_release_url: str
    press_release_text: str
    renewal_count: int
    terminated_on: dt.date | None
    termination_reason: str

    @staticmethod
    def resolve_items(obj) -> list[dict]:
        return [{"number": item.position, "text": item.text, "text_en": item.text_en}
                for item in obj.items.all()]

    @staticmethod
    def resolve_memoranda(obj) -> list:
        return list(selectors.signed_memoranda(obj))

    @staticmethod
    def resolve_amendments(obj) -> list:
        return list(obj.amendments.select_related("document").order_by("number"))

    @staticmethod
    def resolve_documents(obj, context) -> list[dict]:
        return [_document(d, obj.pk, context["request"]) for d in selectors.public_documents(obj)]

    @staticmethod
    def resolve_termination_reason(obj) -> str:
        return obj.state_reason if obj.state == Agreement.State.TERMINATED else ""


def _page(agreement) -> str:
    return reverse("agreements:detail", args=[agreement.pk])


class AgreementFilters(Schema):
    q: str | None = Field(
        None, max_length=200,
        description="Keywords in the title, summary, items or a party's name; every word must "
        "occur (full-/half-width, kana and case do not matter).",
    )
    body: str | None = Field(
        None, pattern=r"^\d{6}$", description="Local government code of a signing body."
    )
    fiscal_year: int | None = Field(
        None, ge=MIN_FISCAL_YEAR, le=MAX_FISCAL_YEAR, description="Fiscal year of signing."
    )
    field: PolicyField | None = Field(None, description="A field the agreement covers.")
    partner: int | None = Field(None, ge=1, description="Id of a partner organization.")
    kind: Agreement.Kind | None = None

    @field_validator("body", mode="before")
    @classmethod
    def normalize_code(cls, value):
        return normalize(value) if isinstance(value, str) else value


def _found(filters: AgreementFilters):
    return selectors.with_parties(
        selectors.search(
            selectors.published_agreements(), q=filters.q or "", body=filters.body or "",
            field=filters.field or "", partner=filters.partner, fiscal_year=filters.fiscal_year,
            kind=filters.kind or "",
        )
    ).order_by("-signed_on", "-id")


# (Japanese, English) header of each column; the file speaks the language of the request.
CSV_COLUMNS = [
    ("id", "id"), ("種別", "Kind"), ("状態", "State"), ("協定名", "Title"),
    ("協定名(英語)", "Title in English"), ("締結団体", "Government parties"),
    ("連携先", "Partners"), ("分野", "Fields"), ("締結日", "Signed on"), ("年度", "Fiscal year"),
    ("開始日", "Term starts"), ("終了日", "Term ends"), ("自動更新", "Renewed automatically"),
    ("更新期間(月)", "Renewal period (months)"), ("連携事項", "Items of cooperation"),
    ("URL", "URL"),
]
CSV_HEADERS = [japanese for japanese, _english in CSV_COLUMNS]
CSV_HEADERS_EN = [english for _japanese, english in CSV_COLUMNS]
# Between the values of a cell with several (parties, fields, items). Not "・": it occurs
# inside field labels (保健・医療・福祉), nor ", ": inside English ones.
CSV_SEPARATOR = " / "


class _Echo:
    def write(self, value):
        return value


def _csv(agreements, request) -> HttpResponse:
    english = (get_language() or "ja").startswith("en")
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    lines = [BOM + writer.writerow(CSV_HEADERS_EN if english else CSV_HEADERS)]
    join = CSV_SEPARATOR.join
    for agreement in agreements.prefetch_related("items"):
        row = [
            agreement.pk, agreement.get_kind_display(), agreement.get_state_display(),
            agreement.title, agreement.title_en,
            join([agreement.body.display_name,
                  *(body.display_name for body in agreement.other_bodies.all())]),
            join(link.organization.display_name for link in agreement.partner_links.all()),
            join(str(label) for label in agreement.field_labels()),
            agreement.signed_on.isoformat(), format_fiscal_year(agreement.fiscal_year),
            agreement.starts_on.isoformat() if agreement.starts_on else "",
            agreement.ends_on.isoformat() if agreement.ends_on else "",
            "1" if agreement.auto_renew else "0", agreement.renewal_months or "",
            join(item.localized_text() for item in agreement.items.all()),
            absolute(request, _page(agreement)),
        ]
        lines.append(writer.writerow(
            [value if isinstance(value, int) else defuse(str(value)) for value in row]
        ))
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agreements.csv"'
    return response


@router.get(
    "/agreements",
    response={200: list[AgreementSummaryOut], **INVALID, **NOT_FOUND},
    url_name="agreements",
    summary="Search signed agreements",
)
@paginate(PageNumberPagination)
def list_agreements(request, filters: Query[AgreementFilters], lang: LanguageParam = None):
    """Signed agreements, newest signing first. Filters: `q`, `body`, `fiscal_year`, `field`,
    `partner`, `kind`. The same list as CSV is at `/agreements.csv`."""
    return _found(filters)


@router.get(
    "/agreements.csv",
    response={200: None, **INVALID},
    url_name="agreements_csv",
    summary="Signed agreements as CSV",
)
def agreements_csv(request, filters: Query[AgreementFilters], lang: LanguageParam = None):
    """Every signed agreement matching the filters of the list, as CSV (UTF-8 with BOM and
    CRLF for Excel; text that a spreadsheet would run as a formula starts with an apostrophe).
    Headers, labels, the parties' names and the items are in the language of the request;
    several values in one cell (parties, fields, items) are separated by ` / `."""
    return _csv(_found(filters), request)


@router.get(
    "/agreements/{agreement_id}",
    response={200: AgreementOut, **NOT_FOUND},
    url_name="agreement",
    summary="One signed agreement",
)
def get_agreement(request, agreement_id: int, lang: LanguageParam = None):
    """A signed agreement; drafts and missing ids answer 404 alike."""
    return selectors.published_agreement(agreement_id)
