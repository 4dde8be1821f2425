"""Yearly statistics of proposals and their adoption, per level, counted Saga's way.

The figures are those Saga Prefecture publishes every year (see ``seeds/000_*``), computed from
the decisions themselves, never typed in:

* **proposals**: effective decisions (in force, not superseded) of departments on proposals of
  the fiscal year. A proposal decided by several departments counts once per department
  (Saga's rule: in FY2006, 361 documents made 371 counted proposals).
* **adopted**: those decisions that adopt, in any of the three ways (this year, a later year, by
  abolishing the current project); **adoption_rate** is a whole percent of ``proposals``.
* **proposing_organizations**: distinct proposing organizations of the counted proposals.
* **participating_bodies**: bodies of the level that took part in the programme that year, i.e.
  that *received* at least one proposal of the fiscal year, whatever became of it (decided,
  withdrawn, closed as out of scope, forwarded, still pending). Saga calls this "No. of
  participating municipalities": in FY2010, 18 municipalities took part but only 11 proposals
  were decided, so it cannot be "municipalities with a decided proposal".
* **level**: ``prefecture`` is the prefecture itself, ``municipal`` its municipalities together.
  For a municipality, only ``municipal`` (itself); for an agency (JICA, a ministry), ``agency``.
* **fiscal year**: the proposal's own fiscal year (that of its first submission).

On PostgreSQL the figures come from two small grouped queries over summary tables (decisions per
scope, fiscal year and proposing organization; submitted proposals per body and fiscal year),
kept exact by triggers in the same transaction as every change to a proposal, assignment or
decision (migration 0003). Elsewhere
(SQLite) they come from two aggregate queries over the records themselves
(``counted_from_records``); both give the same figures, which the tests check.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass

from django.db import connection
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.translation import pgettext_lazy

from kyoso.core.fiscal import format_fiscal_year
from kyoso.organizations.models import GovernmentBody

from .models import Assignment, Decision, Proposal

PREFECTURE, MUNICIPAL, AGENCY = "prefecture", "municipal", "agency"
LEVEL_LABELS = {
    PREFECTURE: pgettext_lazy("statistics level", "Prefecture"),
    MUNICIPAL: pgettext_lazy("statistics level", "Municipalities"),
    AGENCY: pgettext_lazy("statistics level", "Agency"),
}
CSV_COLUMNS = (
    "fiscal_year",
    "fiscal_year_label",
    "level",
    "participating_bodies",
    "proposing_organizations",
    "proposals",
    "adopted",
    "adoption_rate",
)


@dataclass(frozen=True)
class StatisticsRow:
    fiscal_year: int
    level: str
    participating_bodies: int
    proposing_organizations: int
    proposals: int
    adopted: int

    @property
    def adoption_rate(self) -> int | None:
        """A whole percent, rounded half up (59 of 80 is 74%), or None without proposals."""
        if not self.proposals:
            return None
        return (200 * self.adopted + self.proposals) // (2 * self.proposals)

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    @property
    def fiscal_year_label(self) -> str:
        return format_fiscal_year(self.fiscal_year)

    @property
    def is_empty(self) -> bool:
        return not (self.participating_bodies or self.proposals)

    def as_dict(self) -> dict:
        return {**asdict(self), "adoption_rate": self.adoption_rate}


def levels_of(body: GovernmentBody) -> list[str]:
    if body.kind == GovernmentBody.Kind.PREFECTURE:
        return [PREFECTURE, MUNICIPAL]
    if body.kind == GovernmentBody.Kind.MUNICIPALITY:
        return [MUNICIPAL]
    return [AGENCY]


def _scope(body: GovernmentBody, ids: list[int], prefix: str):
    """Which proposals' bodies count, and the level of each, as a filter and an expression."""
    body_id = f"{prefix}body_id"
    if body.kind != GovernmentBody.Kind.PREFECTURE:
        return Q(**{body_id: body.pk}), Value(levels_of(body)[0], output_field=CharField())
    level = Case(
        When(**{body_id: body.pk}, then=Value(PREFECTURE)),
        default=Value(MUNICIPAL),
        output_field=CharField(),
    )
    return Q(**{f"{body_id}__in": ids}), level


def _ids(body: GovernmentBody) -> list[int]:
    ids = [body.pk]
    if body.kind == GovernmentBody.Kind.PREFECTURE:
        ids += list(body.municipalities.values_list("pk", flat=True))
    return ids


def proposal_statistics(body: GovernmentBody) -> list[StatisticsRow]:
    """One row per fiscal year and level of ``body`` (every level of a year that has any), by
    fiscal year; see the module's docstring for what each figure counts."""
    ids = _ids(body)
    if connection.vendor == "postgresql":
        return _rows(body, _counted_from_summary(body, ids))
    return _rows(body, counted_from_records(body, ids))


# Per fiscal year: the body's own figures, and (for a prefecture) its municipalities' together.
DECIDED_SQL = """
SELECT fiscal_year, own, sum(decided) AS proposals, sum(adopted) AS adopted,
       count(*) FILTER (WHERE decided > 0) AS organizations
FROM proposals_statistics_decided
WHERE scope_id = %s AND (own OR %s)
GROUP BY fiscal_year, own
HAVING sum(decided) > 0
"""
RECEIVED_SQL = """
SELECT fiscal_year, body_id = %s AS own, count(*) AS bodies
FROM proposals_statistics_received
WHERE body_id = ANY(%s) AND received > 0
GROUP BY 1, 2
"""


def _counted_from_summary(body: GovernmentBody, ids: list[int]) -> dict[tuple[int, str], dict]:
    own_level = levels_of(body)[0]
    is_prefecture = body.kind == GovernmentBody.Kind.PREFECTURE
    figures: dict[tuple[int, str], dict] = {}
    with connection.cursor() as cursor:
        for sql, params in ((DECIDED_SQL, [body.pk, is_prefecture]),
                            (RECEIVED_SQL, [body.pk, ids])):
            cursor.execute(sql, params)
            columns = [column[0] for column in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(columns, values, strict=True))
                level = own_level if row.pop("own") else MUNICIPAL
                figures.setdefault((row["fiscal_year"], level), {}).update(row)
    return figures


def counted_from_records(body: GovernmentBody, ids: list[int] | None = None
                         ) -> dict[tuple[int, str], dict]:
    """The figures per (fiscal year, level), computed from the decisions and proposals."""
    ids = _ids(body) if ids is None else ids
    scope, level = _scope(body, ids, "assignment__proposal__")
    decided = (
        Decision.objects.effective()
        .filter(scope, assignment__state=Assignment.State.ANSWERED)
        .values(year=F("assignment__proposal__fiscal_year"), level=level)
        .annotate(
            proposals=Count("pk"),
            adopted=Count("pk", filter=Q(outcome__in=Decision.ADOPTED)),
            organizations=Count("assignment__proposal__organization_id", distinct=True),
        )
        .order_by()
    )
    scope, level = _scope(body, ids, "")
    received = (
        Proposal.objects.filter(scope, submitted_at__isnull=False)
        .values(year=F("fiscal_year"), level=level)
        .annotate(bodies=Count("body_id", distinct=True))
        .order_by()
    )
    figures: dict[tuple[int, str], dict] = {}
    for row in decided:
        figures.setdefault((row["year"], row["level"]), {}).update(row)
    for row in received:
        figures.setdefault((row["year"], row["level"]), {}).update(row)
    return figures


def _rows(body: GovernmentBody, figures: dict[tuple[int, str], dict]) -> list[StatisticsRow]:
    years = sorted({year for year, _level in figures})
    rows = []
    for year in years:
        for name in levels_of(body):
            found = figures.get((year, name), {})
            rows.append(StatisticsRow(
                fiscal_year=year, level=name,
                participating_bodies=found.get("bodies", 0),
                proposing_organizations=found.get("organizations", 0),
                proposals=found.get("proposals", 0), adopted=found.get("adopted", 0),
            ))
    return rows


@dataclass(frozen=True)
class YearLine:
    """One line of the published table: a fiscal year with each level's row."""

    fiscal_year: int
    cells: list[StatisticsRow]


def statistics_table(rows: list[StatisticsRow]) -> list[YearLine]:
    lines: dict[int, list[StatisticsRow]] = {}
    for row in rows:
        lines.setdefault(row.fiscal_year, []).append(row)
    return [YearLine(year, cells) for year, cells in lines.items()]


def statistics_csv(rows: list[StatisticsRow]) -> bytes:
    """The rows as CSV in UTF-8 with a byte order mark, so that Excel reads the Japanese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        values = {**row.as_dict(), "fiscal_year_label": row.fiscal_year_label}
        writer.writerow(["" if values[c] is None else values[c] for c in CSV_COLUMNS])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
