"""Benchmark proposals, written with PostgreSQL COPY after the catalog (see generate.py).

"prefecture": 20,000 proposals to Saga and its 20 municipalities.
"national":   1,000,000 proposals to the 1,788 bodies.

Each proposal is a consistent record of where it stands, as the services would have left it
(read ``kyoso/proposals/models`` and ``docs/proposals.md``): drafts have no reference; a
submitted proposal has its reference ``<body code>-<fiscal year>-<serial>``, fiscal year, first
revision and due date; routed ones have assignments to the body's departments (a few reassigned,
cancelled when withdrawn); decided ones have one effective decision per department (adopted in
one of three ways, not adopted or taken as an opinion, with reasons unless adopted; under Saga's
principle of saying yes a non-adoption is countersigned by the desk before it takes effect; a
few replaced decisions are kept, superseded); most decided ones are published, older ones
closed. The database checks every constraint and foreign key while loading.

Proposals cover the catalog's ten fiscal years, growing over time; the prefecture receives more
than each municipality, and a few partner organizations of each prefecture propose a great deal.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bench.generate import FISCAL_YEARS
from kyoso.core.choices import CollaborationForm
from kyoso.core.text import indexed_form, search_key
from kyoso.demo.world import history_texts as texts

TOKYO = ZoneInfo("Asia/Tokyo")
SAGA_CODE = "410004"
CURRENT_YEAR = FISCAL_YEARS[-1]
# The moment the data describe; every date written lies before it.
NOW = dt.datetime(CURRENT_YEAR, 11, 20, 17, 0, tzinfo=TOKYO)
BATCH = 40_000  # proposals written per round of COPY statements

DESK_EMAIL = "bench-desk@example.jp"
DEPARTMENT_EMAIL = "bench-department@example.jp"



@dataclass(frozen=True)
class ProposalPlan:
    total: int
    organizations_per_prefecture: int
    prefecture_weight: float  # a prefecture receives this many times an average municipality


PLANS = {
    "prefecture": ProposalPlan(20_000, 400, 11.0),
    "national": ProposalPlan(1_000_000, 400, 11.0),
}

# Share of each state among a fiscal year's proposals: finished years, and the current one.
PAST_STATES = (
    ("closed", 0.62), ("decided_published", 0.07), ("decided", 0.01), ("withdrawn", 0.06),
    ("out_of_scope", 0.08), ("returned", 0.01), ("draft", 0.03), ("withdrawn_draft", 0.02),
    ("closed_published_late", 0.10),
)
CURRENT_STATES = (
    ("draft", 0.10), ("submitted", 0.07), ("screening", 0.07), ("returned", 0.04),
    ("routed", 0.14), ("in_consultation", 0.20), ("decided", 0.08),
    ("decided_published", 0.10), ("closed", 0.08), ("withdrawn", 0.04), ("out_of_scope", 0.08),
)
OUTCOMES = (
    ("adopt_this_year", 0.45), ("adopt_later_year", 0.08), ("adopt_by_abolition", 0.02),
    ("not_adopted", 0.30), ("taken_as_opinion", 0.15),
)
ADOPTED = {"adopt_this_year", "adopt_later_year", "adopt_by_abolition"}
ORGANIZATION_KINDS = (
    ("npo_corporation", "NPO法人", 0.45), ("voluntary", "", 0.2),
    ("general_incorporated", "一般社団法人", 0.12), ("public_interest", "公益財団法人", 0.05),
    ("company", "株式会社", 0.1), ("social_welfare", "社会福祉法人", 0.05),
    ("university", "学校法人", 0.03),
)
ORGANIZATION_WORDS = (
    "子育てネット", "まちづくり協議会", "環境ネットワーク", "防災士会", "多文化共生センター",
    "こども食堂ネットワーク", "地域福祉の会", "観光ボランティアガイド", "里山保全の会",
    "移住サポートセンター", "スポーツクラブ", "読書推進の会", "障害者就労支援センター",
    "高齢者見守りネット", "食品ロス削減ネット", "文化財保存会", "農業女子の会", "若者協働ラボ",
)
BACKGROUND = "地域で活動するなかで、行政だけでも団体だけでも届かない住民がいることが分かってきた。"
EFFECT = "参加者数と満足度、関係機関との連携件数で効果を確かめる。"
SCHEDULE = "4月に準備会、7月に試行、翌年2月に振り返りと報告を行う。"
STATE_REASONS = {
    "returned": "提案の内容と費用の内訳を具体的に記載して、再度提出してください。",
    "withdrawn": "団体の体制が整わないため、今回は提案を取り下げます。",
}


def _pick(rng: random.Random, table) -> str:
    roll, total = rng.random(), 0.0
    for value, share in table:
        total += share
        if roll < total:
            return value
    return table[-1][0]


class _Copier:
    """Rows of one table, written with COPY in batches."""

    def __init__(self, table: str, columns: tuple[str, ...]):
        self.table, self.columns, self.rows, self.written = table, columns, [], 0

    def add(self, row: tuple) -> None:
        self.rows.append(row)

    def _blank_text_columns(self, cursor) -> tuple[str, ...]:
        """Required text columns this generator does not know (fields added to the models since,
        such as a decision's ``countersign_refusal``): they are written empty, as a form's blank
        field would be. Any other unknown required column stops the load."""
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s "
            "AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'",
            (self.table,))
        missing = [(name, kind) for name, kind in cursor.fetchall() if name not in self.columns]
        unknown = [name for name, kind in missing if kind not in ("text", "character varying")]
        if unknown:
            raise RuntimeError(f"{self.table}: bench/proposals.py does not fill {unknown}")
        return tuple(name for name, _kind in missing)

    def flush(self, cursor) -> None:
        if not self.rows:
            return
        if not hasattr(self, "blank"):
            self.blank = self._blank_text_columns(cursor)
        columns = ", ".join((*self.columns, *self.blank))
        extra = ("",) * len(self.blank)
        with cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
            for row in self.rows:
                copy.write_row(row + extra)
        self.written += len(self.rows)
        self.rows = []


PROPOSAL_COLUMNS = (
    "id", "created_at", "updated_at", "body_id", "organization_id", "author_id", "kind",
    "is_new_project", "collaboration_form", "funding", "title", "background", "content",
    "expected_effect", "schedule", "budget_yen", "confidential_sections", "released_at", "state",
    "state_reason", "version", "reference", "fiscal_year", "submission_key", "submitted_at",
    "due_at", "decided_at", "published_at", "forwarded_from_id",
)
ASSIGNMENT_COLUMNS = (
    "id", "proposal_id", "department_id", "state", "assigned_by_id", "assigned_at", "due_at",
    "answered_at", "reassigned_to_id",
)
DECISION_COLUMNS = (
    "id", "assignment_id", "outcome", "collaboration_form", "reasons", "budget_reflected_yen",
    "budget_fiscal_year", "decided_by_id", "decided_at", "needs_countersignature",
    "countersigned_by_id", "countersigned_at", "effective_at", "superseded_at",
)
REVISION_COLUMNS = ("proposal_id", "number", "snapshot", "changes", "created_by_id", "created_at",
                    "note")
TARGET_COLUMNS = ("proposal_id", "catalogproject_id")


def proposal_count(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM proposals_proposal")
        return cursor.fetchone()[0]


def _bench_users(saga_id: int, department_id: int) -> tuple[int, int]:
    """A desk officer of Saga and an officer of one of its departments, both with TOTP."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    from kyoso.organizations.models import BodyMembership

    User = get_user_model()
    ids = []
    for email, name, role, department in (
        (DESK_EMAIL, "協働窓口 ベンチ", BodyMembership.Role.DESK, None),
        (DEPARTMENT_EMAIL, "担当課 ベンチ", BodyMembership.Role.DEPARTMENT, department_id),
    ):
        user, created = User.objects.get_or_create(email=email, defaults={"display_name": name})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            TOTP.activate(user, generate_totp_secret())
        BodyMembership.objects.get_or_create(user=user, body_id=saga_id, role=role,
                                             department_id=department)
        ids.append(user.pk)
    return ids[0], ids[1]


def _organizations(cursor, rng, plan, prefectures, now) -> dict[int, list[int]]:
    """Partner organizations of each prefecture, busiest first."""
    cursor.execute("SELECT coalesce(max(id), 0) FROM organizations_organization")
    next_id = cursor.fetchone()[0] + 1
    pools: dict[int, list[int]] = {}
    columns = ("id", "created_at", "updated_at", "name", "name_kana", "name_en", "kind",
               "is_intermediary", "corporate_number", "prefecture_id", "address",
               "representative", "email", "phone", "website", "fields", "activity_record",
               "search_text")
    with cursor.copy(f"COPY organizations_organization ({', '.join(columns)}) FROM STDIN") as copy:
        for prefecture_id, stem in prefectures:
            pool = []
            for number in range(plan.organizations_per_prefecture):
                kind = _pick(rng, [(k, s) for k, _p, s in ORGANIZATION_KINDS])
                prefix = next(p for k, p, _s in ORGANIZATION_KINDS if k == kind)
                word = ORGANIZATION_WORDS[number % len(ORGANIZATION_WORDS)]
                name = f"{prefix} {stem}{word}{number // len(ORGANIZATION_WORDS) + 1}".strip()
                name_en = f"Bench organization {next_id}"
                search_text = indexed_form(search_key(f"{name} {name_en}"))
                copy.write_row((next_id, now, now, name, "", name_en, kind, number < 3, "",
                                prefecture_id, "", "", "", "", "", "[]", "", search_text))
                pool.append(next_id)
                next_id += 1
            pools[prefecture_id] = pool
    cursor.execute("SELECT setval(pg_get_serial_sequence('organizations_organization', 'id'), "
                   "%s)", (next_id - 1,))
    return pools


def _counts(rng: random.Random, plan: ProposalPlan, bodies: list[tuple]) -> dict[int, int]:
    """Proposals per body, in proportion to a weight (prefectures receive the most)."""
    weights = {body_id: plan.prefecture_weight if kind == "prefecture" else rng.uniform(0.3, 1.7)
               for body_id, kind, *_rest in bodies}
    total = sum(weights.values())
    counts = {body_id: int(plan.total * weight / total) for body_id, weight in weights.items()}
    short = plan.total - sum(counts.values())
    for body_id in list(counts)[:short]:
        counts[body_id] += 1
    return counts


def _year_split(rng: random.Random, count: int) -> list[int]:
    """The body's proposals over the fiscal years, growing about 50% over ten years."""
    years = list(FISCAL_YEARS)
    weights = [1 + 0.05 * index for index in range(len(years))]
    return rng.choices(years, weights=weights, k=count)


def _moment(rng, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    span = max(1, int((end - start).total_seconds()))
    return start + dt.timedelta(seconds=rng.randrange(span))


def generate_proposals(connection, scale: str, log=print) -> dict:
    """Write organizations, proposals, targets, revisions, assignments and decisions."""
    plan = PLANS[scale]
    started = time.monotonic()
    rng = random.Random(3)
    now = dt.datetime.now(dt.UTC)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # The statistics triggers' queries are planned while the tables fill inside this one
        # transaction; a plan cached when they were nearly empty (a sequential scan) would
        # make every later batch slower than the one before.
        cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        cursor.execute(
            "SELECT id, kind, code, coalesce(parent_id, id), name, answer_days "
            "FROM organizations_governmentbody ORDER BY code"
        )
        bodies = cursor.fetchall()
        by_id = {row[0]: row for row in bodies}
        saga_id = next(row[0] for row in bodies if row[2] == SAGA_CODE)
        # Saga follows the principle of saying yes: a non-adoption needs the desk's countersign.
        cursor.execute("UPDATE organizations_governmentbody SET principle_of_yes = (code = %s)",
                       (SAGA_CODE,))
        cursor.execute("SELECT id, body_id FROM organizations_department "
                       "WHERE NOT is_desk ORDER BY id")
        departments: dict[int, list[int]] = {}
        for department_id, body_id in cursor.fetchall():
            departments.setdefault(body_id, []).append(department_id)
        # Proposals target a body's projects open to collaboration: the first few of each body
        # and fiscal year (ids are consecutive per body and year, as generate.py wrote them).
        cursor.execute(
            "SELECT p.body_id, p.fiscal_year, p.id, p.department_id, p.name "
            "FROM catalog_catalogproject p JOIN (SELECT body_id, fiscal_year, min(id) AS low "
            "FROM catalog_catalogproject GROUP BY body_id, fiscal_year) g "
            "ON p.body_id = g.body_id AND p.fiscal_year = g.fiscal_year "
            "AND p.id BETWEEN g.low AND g.low + 11 WHERE NOT EXISTS (SELECT 1 FROM "
            "organizations_department d WHERE d.id = p.department_id AND d.is_desk)"
        )
        targets: dict[tuple[int, int], list[tuple]] = {}
        for body_id, year, project_id, department_id, name in cursor.fetchall():
            targets.setdefault((body_id, year), []).append((project_id, department_id, name))
        log(f"  {sum(map(len, targets.values())):,} target projects to choose from")

    # The desk user counter-signs Saga's non-adoptions; its department officer works on the
    # department with the most proposals (the first one targeted).
    saga_department = targets[(saga_id, CURRENT_YEAR)][0][1]
    desk_user, department_user = _bench_users(saga_id, saga_department)

    with connection.cursor() as cursor:
        stems = [(row[0], row[4].rstrip("都道府県") if row[4] != "北海道" else row[4])
                 for row in bodies if row[1] == "prefecture"]
        organizations = _organizations(cursor, rng, plan, stems, now)
        log(f"  {sum(map(len, organizations.values())):,} organizations")
        cursor.execute("SELECT coalesce(max(id), 0) FROM proposals_proposal")
        next_proposal = cursor.fetchone()[0] + 1
        cursor.execute("SELECT coalesce(max(id), 0) FROM proposals_assignment")
        next_assignment = cursor.fetchone()[0] + 1
        cursor.execute("SELECT coalesce(max(id), 0) FROM proposals_decision")
        next_decision = cursor.fetchone()[0] + 1

        proposals = _Copier("proposals_proposal", PROPOSAL_COLUMNS)
        links = _Copier("proposals_proposal_target_projects", TARGET_COLUMNS)
        revisions = _Copier("proposals_proposalrevision", REVISION_COLUMNS)
        assignments = _Copier("proposals_assignment", ASSIGNMENT_COLUMNS)
        decisions = _Copier("proposals_decision", DECISION_COLUMNS)
        copiers = (proposals, links, revisions, assignments, decisions)
        counters: dict[tuple[int, int], int] = {}
        published = 0
        counts = _counts(rng, plan, bodies)
        for body_id, count in counts.items():
            _id, kind, code, prefecture_id, _name, answer_days = by_id[body_id]
            pool = organizations[prefecture_id]
            principle_of_yes = body_id == saga_id
            # Only Saga has named officers in the data; elsewhere "by whom" is left empty.
            desk = desk_user if body_id == saga_id else None
            officer = department_user if body_id == saga_id else None
            own_departments = departments[body_id]
            for year in sorted(_year_split(rng, count)):
                state = _pick(rng, CURRENT_STATES if year == CURRENT_YEAR else PAST_STATES)
                if state == "closed_published_late":
                    state = "closed"
                pk, next_proposal = next_proposal, next_proposal + 1
                # A few organizations propose a great deal (squared: the front of the pool).
                organization = pool[int(len(pool) * rng.random() ** 2)]
                choices = targets.get((body_id, year), [])
                is_new = not choices or rng.random() < 0.25
                target = None if is_new else rng.choice(choices)
                title = (rng.choice(texts.NEW_PROJECT_TITLES) if is_new
                         else rng.choice(texts.TITLES).format(name=target[2]))
                form = rng.choice(CollaborationForm.values)
                kind_of = "free" if rng.random() < 0.8 else "themed"
                confidential = rng.choice(([], [], [], ["content"], ["background", "content"]))
                year_start = dt.datetime(year, 4, 1, 9, 0, tzinfo=TOKYO)
                year_end = min(dt.datetime(year + 1, 3, 31, 17, 0, tzinfo=TOKYO), NOW)
                submitted = reference = submission_key = due = decided = publish = None
                reason, fiscal_year, version = "", None, 1
                if state in ("draft", "withdrawn_draft"):
                    created = _moment(rng, year_start, year_end)
                    state = "withdrawn" if state == "withdrawn_draft" else "draft"
                else:
                    # Later states need time: submit early enough to be decided before NOW.
                    late = state in ("submitted", "screening", "returned", "routed")
                    window_end = year_end - dt.timedelta(days=0 if late else 100)
                    window_start = (max(year_start, NOW - dt.timedelta(days=60)) if late
                                    and year == CURRENT_YEAR else year_start)
                    submitted = _moment(rng, window_start, max(window_start, window_end))
                    created = submitted - dt.timedelta(days=rng.randint(1, 30))
                    fiscal_year = year
                    counters[(body_id, year)] = counters.get((body_id, year), 0) + 1
                    reference = f"{code}-{year}-{counters[(body_id, year)]:04d}"
                    submission_key = uuid.UUID(int=rng.getrandbits(128), version=4)
                    due = submitted + dt.timedelta(days=answer_days)
                    reason = STATE_REASONS.get(state, "")
                    if state == "out_of_scope":
                        reason = rng.choice(texts.OUT_OF_SCOPE_REASONS)
                    version = rng.randint(2, 9)
                routed = state in ("routed", "in_consultation", "decided", "decided_published",
                                   "closed") or (state == "withdrawn" and submitted is not None
                                                 and rng.random() < 0.3)
                answered_all = state in ("decided", "decided_published", "closed")
                last_answer = None
                if routed:
                    chosen = [target[1]] if target else []
                    wanted = 1 + (rng.random() < 0.12) + (rng.random() < 0.03)
                    others = [d for d in own_departments if d not in chosen]
                    chosen += rng.sample(others, min(len(others), wanted - len(chosen)))
                    open_left = not answered_all
                    assigned = submitted + dt.timedelta(days=rng.randint(3, 10))
                    for index, department in enumerate(chosen):
                        if rng.random() < 0.03:  # first sent to the wrong department
                            wrong = rng.choice(others) if others else department
                            if wrong != department:
                                assignments.add((next_assignment, pk, wrong, "reassigned",
                                                 desk, assigned, assigned + dt.timedelta(
                                                     days=answer_days), None,
                                                 next_assignment + 1))
                                next_assignment += 1
                        assignment_id, next_assignment = next_assignment, next_assignment + 1
                        assignment_due = assigned + dt.timedelta(days=answer_days)
                        if state == "withdrawn":
                            assignments.add((assignment_id, pk, department, "cancelled",
                                             desk, assigned, assignment_due, None, None))
                            continue
                        answer = answered_all or (state == "in_consultation" and rng.random()
                                                  < 0.3 and index < len(chosen) - 1)
                        outcome = _pick(rng, OUTCOMES)
                        adopted = outcome in ADOPTED
                        needs = principle_of_yes and not adopted
                        decided_moment = min(
                            assigned + dt.timedelta(days=rng.randint(10, 80)),
                            NOW - dt.timedelta(days=rng.randint(20, 40)),
                        )
                        decided_moment = max(decided_moment, assigned + dt.timedelta(hours=1))
                        if answer and rng.random() < 0.02:  # an earlier decision, replaced
                            decisions.add((next_decision, assignment_id, "not_adopted", "",
                                           rng.choice(texts.NOT_ADOPTED_REASONS), None, None,
                                           officer, decided_moment - dt.timedelta(
                                               days=5), principle_of_yes, None, None, None,
                                           decided_moment - dt.timedelta(days=1)))
                            next_decision += 1
                        if answer:
                            effective = decided_moment + dt.timedelta(days=2 if needs else 0)
                            last_answer = max(filter(None, (last_answer, effective)))
                            decisions.add(_decision(
                                rng, next_decision, assignment_id, outcome, form, year,
                                officer, decided_moment, needs, desk_user, effective))
                            next_decision += 1
                            assignments.add((assignment_id, pk, department, "answered",
                                             desk, assigned, assignment_due, effective,
                                             None))
                            continue
                        if open_left and needs and state == "in_consultation" and (
                                rng.random() < 0.2):
                            # A non-adoption waiting for the desk's countersignature.
                            decisions.add(_decision(
                                rng, next_decision, assignment_id, outcome, form, year,
                                officer, decided_moment, True, None, None))
                            next_decision += 1
                        assignments.add((assignment_id, pk, department, "open", desk,
                                         assigned, assignment_due, None, None))
                if answered_all:
                    decided = last_answer
                    if state in ("decided_published", "closed"):
                        publish = min(decided + dt.timedelta(days=rng.randint(7, 30)),
                                      NOW - dt.timedelta(hours=1))
                        publish = max(publish, decided)
                        published += 1
                    state = "decided" if state.startswith("decided") else state
                updated = publish or decided or submitted or created
                proposals.add((
                    pk, created, updated, body_id, organization, None,
                    kind_of, is_new, form,
                    "collaborative" if rng.random() < 0.7 else "contract", title, BACKGROUND,
                    texts.NEW_CONTENT if is_new else texts.CONTENT, EFFECT, SCHEDULE,
                    rng.choice((None, 300_000, 800_000, 1_500_000, 4_000_000)),
                    json.dumps(confidential), None, state, reason, version, reference or "",
                    fiscal_year, submission_key, submitted, due, decided, publish, None,
                ))
                if target:
                    links.add((pk, target[0]))
                if submitted is not None:
                    snapshot = {"kind": kind_of, "title": title, "collaboration_form": form,
                                "is_new_project": is_new, "confidential_sections": confidential,
                                "target_projects": [target[0]] if target else []}
                    revisions.add((pk, 1, json.dumps(snapshot, ensure_ascii=False), "{}", None,
                                   submitted, ""))
                if len(proposals.rows) >= BATCH:
                    _flush(cursor, copiers)
                    log(f"  {proposals.written:,} proposals "
                        f"({proposals.written / (time.monotonic() - started):,.0f}/s)")
        _flush(cursor, copiers)
        with cursor.copy("COPY proposals_referencecounter (body_id, fiscal_year, last_number) "
                         "FROM STDIN") as copy:
            for (body_id, year), last in counters.items():
                copy.write_row((body_id, year, last))
        for table, value in (("proposals_proposal", next_proposal - 1),
                             ("proposals_assignment", next_assignment - 1),
                             ("proposals_decision", next_decision - 1)):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)",
                           (value,))
        analyze_started = time.monotonic()
        for table in ("proposals_proposal", "proposals_assignment", "proposals_decision",
                      "proposals_proposalrevision", "proposals_proposal_target_projects",
                      "organizations_organization", "organizations_governmentbody",
                      "proposals_statistics_decided", "proposals_statistics_received"):
            cursor.execute(f"ANALYZE {table}")
    connection.commit()
    return {
        "proposals": proposals.written, "assignments": assignments.written,
        "decisions": decisions.written, "revisions": revisions.written,
        "targets": links.written, "published": published,
        "organizations": sum(map(len, organizations.values())),
        "analyze_seconds": time.monotonic() - analyze_started,
        "seconds": time.monotonic() - started,
    }


def check_statistics_summary(sample: int = 60) -> int:
    """On PostgreSQL the statistics read a summary kept by triggers (proposals migration 0003):
    compare it with the figures computed from the records for every prefecture and a sample of
    municipalities. Returns how many bodies were compared; raises if one differs."""
    from kyoso.organizations.models import GovernmentBody
    from kyoso.proposals.statistics import _counted_from_summary, _ids, counted_from_records

    names = ("proposals", "adopted", "organizations", "bodies")
    prefectures = list(GovernmentBody.objects.filter(kind="prefecture"))
    municipalities = list(GovernmentBody.objects.filter(kind="municipality").order_by("code"))
    chosen = prefectures + random.Random(8).sample(municipalities, min(sample, len(municipalities)))
    for body in chosen:
        expected = {key: {name: row.get(name, 0) for name in names}
                    for key, row in counted_from_records(body).items()}
        found = {key: {name: row.get(name, 0) for name in names}
                 for key, row in _counted_from_summary(body, _ids(body)).items()}
        if found != expected:
            raise AssertionError(f"statistics summary differs for {body.code}")
    return len(chosen)


def _decision(rng, pk, assignment_id, outcome, form, year, decided_by, decided_at, needs,
              countersigner, effective):
    adopted = outcome in ADOPTED
    if adopted:
        reasons = ""
    elif outcome == "not_adopted":
        reasons = rng.choice(texts.NOT_ADOPTED_REASONS)
    else:
        reasons = rng.choice(texts.OPINION_REASONS)
    countersigned = effective if (needs and effective is not None) else None
    return (pk, assignment_id, outcome, form if adopted else "", reasons,
            rng.choice((None, 500_000, 1_200_000)) if adopted else None,
            year + 1 if outcome == "adopt_later_year" else None, decided_by, decided_at, needs,
            countersigner if countersigned else None, countersigned, effective, None)


def _flush(cursor, copiers) -> None:
    for copier in copiers:
        copier.flush(cursor)
