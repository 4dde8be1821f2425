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

Everything comes from two aggregate queries, grouped in the database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass

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


def proposal_statistics(body: GovernmentBody) -> list[StatisticsRow]:
    """One row per fiscal year and level of ``body`` (every level of a year that has any), by
    fiscal year; see the module's docstring for what each figure counts."""
    ids = [body.pk]
    if body.kind == GovernmentBody.Kind.PREFECTURE:
        ids += list(body.municipalities.values_list("pk", flat=True))
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
