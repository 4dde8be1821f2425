"""Benchmark agreements, collaborations and cases (issue 4), written with COPY.

Added to an existing ``kyoso_bench_<scale>`` when it has no agreements: the bodies, departments,
partner organizations and adopted decisions of generate.py and proposals.py are reused, the
catalog is not touched.

- Agreements (協定), all signed and so public: signed, in force, renewed, expired or terminated;
  comprehensive (several fields, often renewed automatically), project or other; one to three
  partners of the body's prefecture, three to five items; a municipality's agreement is
  sometimes co-signed by its prefecture. ``search_text`` as
  ``kyoso.agreements.services._common.refresh_search_text`` builds it (``search_key``).
- Collaborations (協働事業): 60% from an adopted proposal (its body, department, partner, form
  and title; one collaboration per proposal), the rest stand alone; some under an agreement of
  the same body. 95% published (running, finished, evaluated or suspended), 5% planned and not
  published. Three milestones (those due done), two indicators with one to three actual values
  entered by the department. ``search_text`` as ``Collaboration.build_search_text``
  (``indexed_form(search_key(...))``).
- Cases (事例集): published good practice from finished collaborations, ``search_text`` as
  ``Case.save``.

Every constraint and foreign key is checked by PostgreSQL during the COPY; ``check_search_text``
compares a sample with what the models compute.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from zoneinfo import ZoneInfo

from bench.generate import FISCAL_YEARS
from bench.proposals import ADOPTED, _Copier, _pick
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.text import indexed_form, search_key
from kyoso.demo.world.catalog import GOALS, TOPICS

TOKYO = ZoneInfo("Asia/Tokyo")
CURRENT_YEAR = FISCAL_YEARS[-1]
TODAY = dt.date(CURRENT_YEAR, 11, 20)
NOW = dt.datetime(CURRENT_YEAR, 11, 20, 17, 0, tzinfo=TOKYO)

PLANS = {
    "prefecture": {"agreements": 300, "collaborations": 2_000, "cases": 30},
    "national": {"agreements": 15_000, "collaborations": 60_000, "cases": 300},
}
AGREEMENT_STATES = (("signed", 0.08), ("active", 0.62), ("renewed", 0.10), ("expired", 0.15),
                    ("terminated", 0.05))
AGREEMENT_KINDS = (("comprehensive", 0.30), ("project", 0.55), ("other", 0.15))
KIND_WORDS = {"comprehensive": ("包括連携協定", "comprehensive partnership agreement"),
              "project": ("連携協定", "partnership agreement"),
              "other": ("覚書", "memorandum")}
COLLABORATION_STATES = (("running", 0.50), ("finished", 0.35), ("evaluated", 0.05),
                        ("suspended", 0.05), ("planned", 0.05))
ITEMS = (("地域の課題の把握と情報の共有に関すること", "sharing information on local issues"),
         ("人材の育成と交流に関すること", "training and exchange of people"),
         ("災害時の相互の協力に関すること", "mutual help in disasters"),
         ("広報と啓発に関すること", "public relations and awareness"),
         ("その他、目的の達成に必要なこと", "anything else the purpose needs"))
MILESTONES = ("準備会の開催", "試行の実施", "振り返りと報告")
INDICATORS = (("参加者数", "人", 120, 300), ("満足度", "%", 60, 80),
              ("関係機関との連携件数", "件", 3, 10))
FIELDS = list(PolicyField.values)
FORMS = list(CollaborationForm.values)

AGREEMENT_COLUMNS = (
    "id", "created_at", "updated_at", "kind", "state", "state_reason", "title", "title_en",
    "summary", "summary_en", "fields", "signed_on", "starts_on", "ends_on", "auto_renew",
    "renewal_months", "renewal_count", "terminated_on", "press_release_url", "press_release_text",
    "fiscal_year", "published_at", "search_text", "version", "body_id", "created_by_id",
    "proposal_id",
)
COLLABORATION_COLUMNS = (
    "id", "created_at", "updated_at", "title", "summary", "field", "form", "start_fiscal_year",
    "end_fiscal_year", "state", "state_reason", "started_on", "finished_on", "published_at",
    "search_text", "agreement_id", "body_id", "created_by_id", "proposal_id",
)
CASE_COLUMNS = (
    "id", "created_at", "updated_at", "title", "summary", "outcomes", "what_worked", "lessons",
    "partners_text", "fields", "published_at", "search_text", "body_id", "collaboration_id",
    "created_by_id",
)


def agreement_count(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM agreements_agreement")
        return cursor.fetchone()[0]


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")  # noqa: S608 - fixed names
    return cursor.fetchone()[0]


def _fiscal_year_start(year: int) -> dt.date:
    return dt.date(year, 4, 1)


def _day_in(rng: random.Random, year: int) -> dt.date:
    """A day of the fiscal year, not after today."""
    start = _fiscal_year_start(year)
    last = min(dt.date(year + 1, 3, 31), TODAY)
    return start + dt.timedelta(days=rng.randint(0, max(0, (last - start).days)))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=TOKYO)


def _years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _world(cursor):
    """Bodies (with their prefecture), departments, partner organizations by prefecture."""
    cursor.execute("SELECT id, code, kind, name, name_en, parent_id FROM "
                   "organizations_governmentbody WHERE is_active ORDER BY code")
    bodies = cursor.fetchall()
    cursor.execute("SELECT id, body_id, name, name_en, bureau FROM organizations_department "
                   "ORDER BY id")
    departments: dict[int, list[tuple]] = {}
    for pk, body_id, name, name_en, bureau in cursor.fetchall():
        departments.setdefault(body_id, []).append((pk, name, name_en, bureau))
    cursor.execute("SELECT id, name, name_kana, name_en, prefecture_id FROM "
                   "organizations_organization ORDER BY id")
    organizations: dict[int, list[tuple]] = {}
    every = {}
    for pk, name, kana, name_en, prefecture_id in cursor.fetchall():
        organizations.setdefault(prefecture_id, []).append((pk, name, kana, name_en))
        every[pk] = (pk, name, kana, name_en)
    return bodies, departments, organizations, every


def _adopted(cursor) -> list[tuple]:
    """Adopted proposals in force: one row per proposal (its first adopting department)."""
    outcomes = tuple(sorted(ADOPTED))
    cursor.execute(
        "SELECT DISTINCT ON (p.id) p.id, p.body_id, a.department_id, p.organization_id, "
        "p.title, p.fiscal_year, coalesce(nullif(d.collaboration_form, ''), "
        "nullif(p.collaboration_form, ''), 'cooperation') "
        "FROM proposals_decision d JOIN proposals_assignment a ON a.id = d.assignment_id "
        "JOIN proposals_proposal p ON p.id = a.proposal_id "
        "WHERE d.outcome = ANY(%s) AND d.superseded_at IS NULL AND d.effective_at IS NOT NULL "
        "AND p.fiscal_year IS NOT NULL ORDER BY p.id, d.id", (list(outcomes),))
    return cursor.fetchall()


def _weights(bodies) -> list[float]:
    # A prefecture keeps about eight times the agreements of an average municipality.
    return [8.0 if kind == "prefecture" else 1.0 for _pk, _c, kind, *_rest in bodies]


def _organization_order(rows):
    """Organization's ordering (name_kana, name), as ``partners.all()`` returns them."""
    return sorted(rows, key=lambda row: (row[2], row[1]))


def generate(connection, scale: str, log=print) -> dict:
    plan = PLANS[scale]
    rng = random.Random(2044)
    started = time.monotonic()
    made = {"agreements": 0, "collaborations": 0, "published_collaborations": 0, "cases": 0}
    with connection.cursor() as cursor:
        bodies, departments, pools, every_organization = _world(cursor)
        by_id = {row[0]: row for row in bodies}
        prefecture_of = {pk: (pk if kind == "prefecture" else parent)
                         for pk, _code, kind, _n, _e, parent in bodies}
        weights = _weights(bodies)
        adopted = _adopted(cursor)
        rng.shuffle(adopted)
        log(f"  {len(adopted):,} adopted proposals available")

        agreement_id = _next_id(cursor, "agreements_agreement")
        partner_id = _next_id(cursor, "agreements_agreementpartner")
        item_id = _next_id(cursor, "agreements_agreementitem")
        other_id = _next_id(cursor, "agreements_agreement_other_bodies")
        agreements = _Copier("agreements_agreement", AGREEMENT_COLUMNS)
        partners = _Copier("agreements_agreementpartner",
                           ("id", "position", "agreement_id", "organization_id"))
        items = _Copier("agreements_agreementitem",
                        ("id", "position", "text", "text_en", "agreement_id"))
        others = _Copier("agreements_agreement_other_bodies",
                         ("id", "agreement_id", "governmentbody_id"))
        agreements_of: dict[int, list[int]] = {}
        chosen = rng.choices(bodies, weights=weights, k=plan["agreements"])
        for body in chosen:
            body_id, _code, _kind, body_name, body_name_en, parent_id = body
            pool = pools.get(prefecture_of[body_id]) or next(iter(pools.values()))
            kind = _pick(rng, AGREEMENT_KINDS)
            state = _pick(rng, AGREEMENT_STATES)
            year = rng.choice(FISCAL_YEARS[:-1] if state in ("expired", "renewed")
                              else FISCAL_YEARS)
            signed_on = _day_in(rng, year)
            fields = rng.sample(FIELDS, rng.randint(3, 5) if kind == "comprehensive" else 1)
            topic, topic_en = rng.choice(TOPICS[fields[0]])
            goal = rng.choice(GOALS[fields[0]])
            parties = _organization_order(
                [pool[i] for i in rng.sample(range(len(pool)), min(len(pool),
                                                                  rng.choice((1, 1, 1, 2, 3))))])
            word, word_en = KIND_WORDS[kind]
            first = parties[0]
            title = f"{first[1]}と{body_name}との{topic}に関する{word}"
            title_en = f"{word_en.capitalize()} on {topic_en} between {body_name_en} and " \
                       f"{first[3]}"
            summary = f"{topic}について、{goal}に向けて相互に連携し協力する。"
            summary_en = f"Both parties work together on {topic_en}."
            ends_on = None if kind == "other" and rng.random() < 0.5 else \
                _years_ago(signed_on, 3 if kind != "comprehensive" else 2) - dt.timedelta(days=1)
            auto_renew = kind == "comprehensive" and ends_on is not None
            renewal_count = 0
            terminated_on = None
            reason = ""
            if state == "renewed":
                renewal_count = rng.randint(1, 3)
            elif state == "expired":
                ends_on = ends_on or _years_ago(signed_on, 1)
                auto_renew = False
            elif state == "terminated":
                terminated_on = min(_years_ago(signed_on, 1), TODAY)
                reason = "事業の目的を達成したため、双方の合意により終了する。"
            if ends_on is not None and state in ("signed", "active", "renewed") and ends_on < TODAY:
                ends_on = _years_ago(ends_on, ((TODAY - ends_on).days // 365) + 1)
            other_parties = []
            if parent_id and parent_id in by_id and rng.random() < 0.1:
                other_parties = [by_id[parent_id]]
            item_rows = ITEMS[:rng.randint(3, 5)]
            names = []
            for organization in parties:
                names += [organization[1], organization[2], organization[3]]
            for party in [body, *other_parties]:
                names += [party[3], party[4]]
            texts = [summary_en] + names + [t for t, _e in item_rows] + [e for _t, e in item_rows]
            search_text = search_key(" ".join(filter(None, [title, title_en, summary, *texts])))
            published = _moment(signed_on)
            agreements.add((
                agreement_id, published, published, kind, state, reason, title[:200],
                title_en[:200], summary, summary_en, json.dumps(fields), signed_on, signed_on,
                ends_on, auto_renew, 12 if auto_renew else None, renewal_count, terminated_on,
                "", "", year, published, search_text, 1 + renewal_count, body_id, None, None,
            ))
            for position, organization in enumerate(parties, start=1):
                partners.add((partner_id, position, agreement_id, organization[0]))
                partner_id += 1
            for position, (text, text_en) in enumerate(item_rows, start=1):
                items.add((item_id, position, text, text_en, agreement_id))
                item_id += 1
            for party in other_parties:
                others.add((other_id, agreement_id, party[0]))
                other_id += 1
            if state in ("signed", "active", "renewed"):
                agreements_of.setdefault(body_id, []).append(agreement_id)
            agreement_id += 1
        for copier in (agreements, partners, items, others):
            copier.flush(cursor)
        made["agreements"] = agreements.written
        log(f"  {agreements.written:,} agreements, {partners.written:,} parties, "
            f"{items.written:,} items ({time.monotonic() - started:.0f} s)")

        collaboration_id = _next_id(cursor, "collaborations_collaboration")
        link_ids = {table: _next_id(cursor, table) for table in (
            "collaborations_collaboration_partners", "collaborations_collaboration_departments",
            "collaborations_milestone", "collaborations_indicator",
            "collaborations_indicatoractual", "cases_case")}
        collaborations = _Copier("collaborations_collaboration", COLLABORATION_COLUMNS)
        collaboration_partners = _Copier("collaborations_collaboration_partners",
                                         ("id", "collaboration_id", "organization_id"))
        collaboration_departments = _Copier("collaborations_collaboration_departments",
                                            ("id", "collaboration_id", "department_id"))
        milestones = _Copier("collaborations_milestone",
                             ("id", "title", "due_on", "done_on", "collaboration_id"))
        indicators = _Copier("collaborations_indicator",
                             ("id", "name", "unit", "baseline", "baseline_period", "target",
                              "collaboration_id"))
        actuals = _Copier("collaborations_indicatoractual",
                          ("id", "period", "measured_on", "value", "indicator_id",
                           "recorded_by_id", "report_id"))
        cases = _Copier("cases_case", CASE_COLUMNS)
        copiers = (collaborations, collaboration_partners, collaboration_departments, milestones,
                   indicators, actuals)
        department_names = {pk: (name, name_en, bureau, body_id)
                            for body_id, rows in departments.items()
                            for pk, name, name_en, bureau in rows}
        body_codes = {row[0]: row[1] for row in bodies}
        from_proposals = adopted[:int(plan["collaborations"] * 0.6)]
        alone = plan["collaborations"] - len(from_proposals)
        specs = [("proposal", row) for row in from_proposals]
        specs += [("alone", body) for body in rng.choices(bodies, weights=weights, k=alone)]
        rng.shuffle(specs)
        finished_ids = []
        for source, row in specs:
            if source == "proposal":
                proposal_id, body_id, department_id, organization_id, title, year, form = row
                field = rng.choice(FIELDS)
                body = by_id.get(body_id)
                if body is None:
                    continue
                party_rows = [every_organization[organization_id]]
                department_ids = [department_id]
                start = min(year + 1, CURRENT_YEAR)
                title = f"{title}(協働事業)"[:200]
            else:
                body = row
                body_id, proposal_id = body[0], None
                field = rng.choice(FIELDS)
                form = rng.choice(FORMS)
                pool = pools.get(prefecture_of[body_id]) or next(iter(pools.values()))
                party_rows = [rng.choice(pool)]
                body_departments = departments.get(body_id) or []
                if not body_departments:
                    continue
                department_ids = [rng.choice(body_departments)[0]]
                start = rng.choice(FISCAL_YEARS)
                topic, _topic_en = rng.choice(TOPICS[field])
                title = f"{topic}協働事業"
            pool = pools.get(prefecture_of[body_id]) or []
            if pool and rng.random() < 0.25:
                extra = rng.choice(pool)
                if extra[0] != party_rows[0][0]:
                    party_rows.append(extra)
            body_departments = departments.get(body_id) or []
            if body_departments and rng.random() < 0.2:
                extra_department = rng.choice(body_departments)[0]
                if extra_department not in department_ids:
                    department_ids.append(extra_department)
            state = _pick(rng, COLLABORATION_STATES)
            if start == CURRENT_YEAR and state in ("finished", "evaluated"):
                state = "running"
            if state in ("finished", "evaluated"):
                end = rng.randint(start, CURRENT_YEAR - 1)
            elif state == "running":
                end = None if rng.random() < 0.4 else rng.randint(CURRENT_YEAR, CURRENT_YEAR + 2)
            else:
                end = None
            started_on = None if state == "planned" else _day_in(rng, start)
            finished_on = (min(dt.date(end + 1, 3, 20), TODAY)
                           if state in ("finished", "evaluated") else None)
            published_at = None if state == "planned" else _moment(started_on)
            goal = rng.choice(GOALS[field])
            summary = f"{goal}に向けて、団体と行政が役割を分担して取り組む。"
            under_agreement = None
            if agreements_of.get(body_id) and rng.random() < 0.1:
                under_agreement = rng.choice(agreements_of[body_id])
            parts = [title, summary]
            for organization in _organization_order(party_rows):
                parts += [organization[1], organization[3]]
            ordered_departments = sorted(
                department_ids, key=lambda pk: (body_codes[department_names[pk][3]],
                                                department_names[pk][2],
                                                department_names[pk][0]))
            for pk in ordered_departments:
                parts += [department_names[pk][0], department_names[pk][1]]
            search_text = indexed_form(search_key(" ".join(part for part in parts if part)))
            created = published_at or NOW
            collaborations.add((
                collaboration_id, created, created, title, summary, field, form, start, end,
                state, "", started_on, finished_on, published_at, search_text, under_agreement,
                body_id, None, proposal_id,
            ))
            for organization in party_rows:
                collaboration_partners.add((link_ids["collaborations_collaboration_partners"],
                                            collaboration_id, organization[0]))
                link_ids["collaborations_collaboration_partners"] += 1
            for pk in department_ids:
                collaboration_departments.add((
                    link_ids["collaborations_collaboration_departments"], collaboration_id, pk))
                link_ids["collaborations_collaboration_departments"] += 1
            base = started_on or _fiscal_year_start(start)
            for number, name in enumerate(MILESTONES):
                due = base + dt.timedelta(days=120 * (number + 1))
                done = due if due <= TODAY and state != "planned" else None
                milestones.add((link_ids["collaborations_milestone"], name, due, done,
                                collaboration_id))
                link_ids["collaborations_milestone"] += 1
            for name, unit, baseline, target in rng.sample(INDICATORS, 2):
                indicator_id = link_ids["collaborations_indicator"]
                indicators.add((indicator_id, name, unit, baseline, f"{start - 1}年度", target,
                                collaboration_id))
                link_ids["collaborations_indicator"] += 1
                if state == "planned":
                    continue
                last = min(end or CURRENT_YEAR, CURRENT_YEAR)
                for year in range(start, last + 1)[:3]:
                    value = baseline + (target - baseline) * rng.uniform(0.2, 1.1)
                    actuals.add((link_ids["collaborations_indicatoractual"], f"{year}年度",
                                 min(dt.date(year + 1, 3, 31), TODAY), round(value, 2),
                                 indicator_id, None, None))
                    link_ids["collaborations_indicatoractual"] += 1
            if state in ("finished", "evaluated"):
                finished_ids.append((collaboration_id, body_id, title, summary, field,
                                     party_rows, finished_on))
            made["collaborations"] += 1
            made["published_collaborations"] += published_at is not None
            collaboration_id += 1
            if len(collaborations.rows) >= 20_000:
                for copier in copiers:
                    copier.flush(cursor)
        for copier in copiers:
            copier.flush(cursor)
        log(f"  {collaborations.written:,} collaborations, {milestones.written:,} milestones, "
            f"{indicators.written:,} indicators, {actuals.written:,} actual values "
            f"({time.monotonic() - started:.0f} s)")

        rng.shuffle(finished_ids)
        for collaboration, body_id, title, summary, field, party_rows, finished_on in \
                finished_ids[:plan["cases"]]:
            outcomes = "参加者数と満足度が目標を上回った。"
            what_worked = "準備の段階から団体と担当課が同じ場で話し合ったこと。"
            lessons = "役割分担を早めに文書にしておくとよい。"
            partners_text = "・".join(row[1] for row in party_rows)[:500]
            parts = [title, summary, outcomes, what_worked, lessons, partners_text]
            published = _moment(finished_on)
            cases.add((
                link_ids["cases_case"], published, published, title, summary, outcomes,
                what_worked, lessons, partners_text, json.dumps([field]), published,
                indexed_form(search_key(" ".join(p for p in parts if p))), body_id,
                collaboration, None,
            ))
            link_ids["cases_case"] += 1
        cases.flush(cursor)
        made["cases"] = cases.written
        for table, value in (("agreements_agreement", agreement_id - 1),
                             ("agreements_agreementpartner", partner_id - 1),
                             ("agreements_agreementitem", item_id - 1),
                             ("agreements_agreement_other_bodies", other_id - 1),
                             ("collaborations_collaboration", collaboration_id - 1),
                             *((name, value - 1) for name, value in link_ids.items())):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           "greatest(%s, 1))", (value,))
        for table in ("agreements_agreement", "agreements_agreementpartner",
                      "agreements_agreementitem", "collaborations_collaboration",
                      "collaborations_collaboration_partners",
                      "collaborations_collaboration_departments", "collaborations_milestone",
                      "collaborations_indicator", "collaborations_indicatoractual", "cases_case"):
            cursor.execute(f"ANALYZE {table}")
    made["seconds"] = round(time.monotonic() - started, 1)
    log(f"  {made['cases']} cases; done in {made['seconds']} s")
    return made


def check_search_text(sample: int = 20) -> None:
    """The stored search keys equal what the models compute, on a sample of each."""
    from kyoso.agreements.models import Agreement
    from kyoso.agreements.services._common import refresh_search_text
    from kyoso.collaborations.models import Collaboration

    for agreement in Agreement.objects.order_by("?")[:sample]:
        stored = agreement.search_text
        refresh_search_text(agreement)
        if agreement.search_text != stored:
            raise RuntimeError(f"agreement {agreement.pk}: search_text differs from the model's")
    for collaboration in Collaboration.objects.order_by("?")[:sample]:
        if collaboration.build_search_text() != collaboration.search_text:
            raise RuntimeError(f"collaboration {collaboration.pk}: search_text differs")


# ---------------------------------------------------------------------------------------------
# Pages to load (bench/run.py)

WORDS = ("", "福祉", "子育て", "防災", "観光", "地域", "連携")


def _filter_paths(prefix: str, body_codes: list[str], *, fiscal_years: list[int], seed: int,
                  pages: int = 2, limit: int = 6_000) -> list[str]:
    """Body × fiscal year × field × word (each may be absent), never the same address twice."""
    from urllib.parse import urlencode

    rng = random.Random(seed)
    combinations = [(code, year, field, word) for code in ["", *body_codes]
                    for year in [None, *fiscal_years] for field in ["", *FIELDS]
                    for word in WORDS]
    rng.shuffle(combinations)
    paths = []
    for code, year, field, word in combinations[:limit]:
        params = {}
        for key, value in (("body", code), ("fiscal_year", year), ("field", field),
                           ("q", word)):
            if value:
                params[key] = value
        params["page"] = rng.randint(1, pages)
        paths.append(f"{prefix}?{urlencode(params)}")
    return paths


def pages(scale: str, out) -> dict:
    """Cached (one address) and uncached (address lists) rows, and the queries per page."""
    from bench import cold, measure
    from kyoso.agreements.models import Agreement
    from kyoso.collaborations.models import Collaboration

    agreements = list(Agreement.objects.published().order_by("id").values_list("id", flat=True))
    collaborations = list(Collaboration.objects.published().order_by("id")
                          .values_list("id", flat=True))
    agreement_bodies = sorted(set(Agreement.objects.published()
                                  .values_list("body__code", flat=True)))
    collaboration_bodies = sorted(set(Collaboration.objects.published()
                                      .values_list("body__code", flat=True)))
    agreement = agreements[len(agreements) // 2]
    collaboration = collaborations[len(collaborations) // 2]
    paths = {
        "agreements list": "/agreements/",
        "agreement detail": f"/agreements/{agreement}/",
        "API agreements": "/api/v1/agreements",
        "API agreement": f"/api/v1/agreements/{agreement}",
        "collaborations list": "/collaborations/",
        "collaboration detail": f"/collaborations/{collaboration}/",
        "API collaborations": "/api/v1/collaborations",
        "API collaboration": f"/api/v1/collaborations/{collaboration}",
        "cases list": "/cases/",
    }
    years = list(FISCAL_YEARS)
    rng = random.Random(44)
    shuffled_agreements, shuffled_collaborations = agreements[:], collaborations[:]
    rng.shuffle(shuffled_agreements)
    rng.shuffle(shuffled_collaborations)
    lists = {
        "agreements list, distinct bodies and filters (uncached)":
            _filter_paths("/agreements/", agreement_bodies, fiscal_years=years, seed=41),
        "API agreements, distinct filters (uncached)":
            _filter_paths("/api/v1/agreements", agreement_bodies, fiscal_years=years, seed=42,
                          pages=1),
        "agreement detail, distinct agreements (uncached)":
            [f"/agreements/{pk}/" for pk in shuffled_agreements[:8_000]],
        "API agreement, distinct agreements (uncached)":
            [f"/api/v1/agreements/{pk}" for pk in shuffled_agreements[-8_000:]],
        "collaborations list, distinct bodies and filters (uncached)":
            _filter_paths("/collaborations/", collaboration_bodies, fiscal_years=years,
                          seed=43),
        "API collaborations, distinct filters (uncached)":
            _filter_paths("/api/v1/collaborations", collaboration_bodies, fiscal_years=years,
                          seed=45, pages=1),
        "collaboration detail, distinct collaborations (uncached)":
            [f"/collaborations/{pk}/" for pk in shuffled_collaborations[:8_000]],
        "API collaboration, distinct collaborations (uncached)":
            [f"/api/v1/collaborations/{pk}" for pk in shuffled_collaborations[-8_000:]],
    }
    cold_lists = {name: cold.write_paths(out, f"{scale}-{name}", found,
                                         warm_up=min(300, len(found) // 4))
                  for name, found in lists.items()}
    sized = {
        "agreements list (page size fixed at 20)": "/agreements/?page_size={}",
        "API agreements": "/api/v1/agreements?page_size={}",
        "collaborations list (page size fixed at 20)": "/collaborations/?page_size={}",
        "API collaborations": "/api/v1/collaborations?page_size={}",
    }
    queries = {str(size): measure.queries_per_page(
        {name: template.format(size) for name, template in sized.items()}) for size in (20, 100)}
    return {"paths": paths, "cold": cold_lists, "queries": queries,
            "per_page": measure.queries_per_page(paths)}


def ensure(scale: str, stats_file, log=print) -> dict:
    """Generate the rows if the database has no agreements; check the search keys."""
    from django.db import connection, transaction

    connection.ensure_connection()
    saved = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    if agreement_count(connection.connection) == 0:
        log(f"Generating the {scale} agreements, collaborations and cases…")
        with transaction.atomic():
            made = generate(connection.connection, scale, log=log)
        saved["issue4"] = {**made, "date": dt.date.today().isoformat()}
        stats_file.write_text(json.dumps(saved, indent=2))
    check_search_text()
    return saved.get("issue4", {})


def extend(measured: dict, scale: str, out, log=print) -> None:
    """Add this module's rows to a run's measurements (also for ``--load-only``)."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--no-input", verbosity=0)
    generation = ensure(scale, out / f"generate-{scale}.json", log=log)
    log("Counting SQL queries of the agreements, collaborations and cases pages…")
    found = pages(scale, out)
    measured.setdefault("generation", {})["issue4"] = generation
    measured["paths"].update(found["paths"])
    measured["cold"].update(found["cold"])
    for size in ("20", "100"):
        measured["queries"][size].update(found["queries"][size])
    measured["per_page"].update(found["per_page"])
    from django.db import connection

    connection.close()
