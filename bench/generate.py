"""Benchmark data, written with PostgreSQL COPY (the ORM would take hours at national scale).

"prefecture": Saga and its 20 municipalities (real codes), 40,000 projects over ten fiscal years.
"national":   47 prefectures + 1,741 municipalities (valid codes), 3.6 million projects.

Project text comes from the demo's vocabulary (``kyoso.demo.world``), so searches such as
「子育て」 hit as many rows as in a real catalog. ``search_text`` is computed with
``kyoso.core.text.search_key`` (and ``indexed_form``) exactly as
``CatalogProject.build_search_text`` would (checked on a sample after writing).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from dataclasses import dataclass

from kyoso.core.text import indexed_form, search_key
from kyoso.demo.world.bodies import (
    MUNICIPAL_DEPARTMENTS,
    SAGA,
    SAGA_DEPARTMENTS,
    SAGA_MUNICIPALITIES,
    BodySpec,
)
from kyoso.demo.world.catalog import catalog_rows
from kyoso.organizations.validators import local_government_check_digit

FISCAL_YEARS = range(2017, 2027)  # ten years of catalogs, FY2026 newest

# Real numbers of municipalities per prefecture (2024); they add up to 1,741.
PREFECTURES = (
    ("北海道", "Hokkaido", 179), ("青森県", "Aomori", 40), ("岩手県", "Iwate", 33),
    ("宮城県", "Miyagi", 35), ("秋田県", "Akita", 25), ("山形県", "Yamagata", 35),
    ("福島県", "Fukushima", 59), ("茨城県", "Ibaraki", 44), ("栃木県", "Tochigi", 25),
    ("群馬県", "Gunma", 35), ("埼玉県", "Saitama", 63), ("千葉県", "Chiba", 54),
    ("東京都", "Tokyo", 62), ("神奈川県", "Kanagawa", 33), ("新潟県", "Niigata", 30),
    ("富山県", "Toyama", 15), ("石川県", "Ishikawa", 19), ("福井県", "Fukui", 17),
    ("山梨県", "Yamanashi", 27), ("長野県", "Nagano", 77), ("岐阜県", "Gifu", 42),
    ("静岡県", "Shizuoka", 35), ("愛知県", "Aichi", 54), ("三重県", "Mie", 29),
    ("滋賀県", "Shiga", 19), ("京都府", "Kyoto", 26), ("大阪府", "Osaka", 43),
    ("兵庫県", "Hyogo", 41), ("奈良県", "Nara", 39), ("和歌山県", "Wakayama", 30),
    ("鳥取県", "Tottori", 19), ("島根県", "Shimane", 19), ("岡山県", "Okayama", 27),
    ("広島県", "Hiroshima", 23), ("山口県", "Yamaguchi", 19), ("徳島県", "Tokushima", 24),
    ("香川県", "Kagawa", 17), ("愛媛県", "Ehime", 20), ("高知県", "Kochi", 34),
    ("福岡県", "Fukuoka", 60), ("佐賀県", "Saga", 20), ("長崎県", "Nagasaki", 21),
    ("熊本県", "Kumamoto", 45), ("大分県", "Oita", 18), ("宮崎県", "Miyazaki", 26),
    ("鹿児島県", "Kagoshima", 43), ("沖縄県", "Okinawa", 41),
)


@dataclass(frozen=True)
class Plan:
    prefecture_projects_per_year: int
    municipal_projects_per_year: int
    national: bool


PLANS = {
    # 2,000 × 10 years for Saga + 100 × 10 years × 20 municipalities = 40,000
    "prefecture": Plan(2_000, 100, national=False),
    # 47 × 2,000 × 10 = 940,000; 1,741 × 153 × 10 ≈ 2,663,730 → 3.6 million
    "national": Plan(2_000, 153, national=True),
}

PREF_PLACEHOLDER = "〇〇県"
CITY_PLACEHOLDER = "〇〇市"


def code_for(first_five: str) -> str:
    return first_five + str(local_government_check_digit(first_five))


def body_specs(national: bool) -> list[tuple[BodySpec, str, str | None]]:
    """(spec, kind, parent code) for every body, prefectures first."""
    if not national:
        return [(SAGA, "prefecture", None)] + [
            (spec, "municipality", SAGA.code) for spec in SAGA_MUNICIPALITIES
        ]
    bodies = []
    municipalities = []
    for number, (name, name_en, count) in enumerate(PREFECTURES, start=1):
        code = code_for(f"{number:02d}000")
        suffix = "Prefecture" if name.endswith("県") else ""
        bodies.append((BodySpec(code, name, "", f"{name_en} {suffix}".strip(), ""), "prefecture",
                       None))
        if code == SAGA.code:
            municipalities += [(spec, "municipality", code) for spec in SAGA_MUNICIPALITIES]
            continue
        stem = name.rstrip("都道府県") if name != "北海道" else name
        for serial in range(count):
            first_five = f"{number:02d}{201 + serial:03d}"
            kind_ja, kind_en = ("市", "City") if serial < count // 2 else ("町", "Town")
            municipalities.append((
                BodySpec(code_for(first_five), f"{stem}第{serial + 1}{kind_ja}", "",
                         f"{name_en} No.{serial + 1} {kind_en}", ""),
                "municipality", code,
            ))
    return bodies + municipalities


@dataclass
class PoolRow:
    name: str
    name_en: str
    department: str
    purpose: str
    content: str
    beneficiaries: str
    budget_yen: int | None
    implementation: str
    field: str
    open_to_collaboration: bool
    forms_json: str
    disclosed: bool
    contact: str
    name_key: str
    name_en_key: str
    tail_key: str  # purpose, content and beneficiaries, already keyed


def _pool(rng: random.Random, placeholder: str, departments, size: int) -> list[PoolRow]:
    spec = BodySpec("000000", placeholder, "", "", "0000-00")
    phones = {department.name: "0000-00-0000" for department in departments}
    rows = catalog_rows(rng, body=spec, departments=list(departments), phones=phones,
                        fiscal_year=2026, count=size, with_signatures=placeholder.endswith("県"))
    pool = []
    for row in rows:
        tail = " ".join(part for part in (row["purpose"], row["content"], row["beneficiaries"])
                        if part)
        pool.append(PoolRow(
            row["name"], row["name_en"], row["department"], row["purpose"], row["content"],
            row["beneficiaries"], row["budget_yen"], row["implementation"], row["field"],
            row["open_to_collaboration"], json.dumps(row["collaboration_forms"]),
            row["disclosed"], row["contact"], search_key(row["name"]), search_key(row["name_en"]),
            search_key(tail),
        ))
    return pool


COLUMNS = (
    "created_at", "updated_at", "body_id", "department_id", "fiscal_year", "code", "name",
    "name_en", "purpose", "content", "budget_yen", "implementation", "beneficiaries", "field",
    "open_to_collaboration", "collaboration_forms", "contact", "disclosed", "search_text",
)


def _search_text(name_key: str, name_en_key: str, code: str, department_key: str, tail: str):
    return indexed_form(
        " ".join(part for part in (name_key, name_en_key, code.lower(), department_key, tail)
                 if part)
    )


def project_count(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_catalogproject")
        return cursor.fetchone()[0]


def generate(connection, scale: str, log=print) -> dict:
    """Write bodies, departments and projects; returns counts and timings."""
    plan = PLANS[scale]
    started = time.monotonic()
    now = dt.datetime.now(dt.UTC)
    rng = random.Random(2026)
    specs = body_specs(plan.national)
    with connection.cursor() as cursor:
        ids: dict[str, int] = {}
        for spec, kind, parent in specs:
            cursor.execute(
                "INSERT INTO organizations_governmentbody (created_at, updated_at, code, kind, "
                "name, name_kana, name_en, parent_id, website, is_active, answer_days, "
                "principle_of_yes) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,'',true,30,false) RETURNING id",
                (now, now, spec.code, kind, spec.name, spec.name_kana, spec.name_en,
                 ids.get(parent)),
            )
            ids[spec.code] = cursor.fetchone()[0]
        log(f"  {len(ids):,} bodies")
        with cursor.copy(
            "COPY organizations_department (created_at, updated_at, body_id, name, name_en, "
            "bureau, is_desk, phone, email) FROM STDIN"
        ) as copy:
            for spec, kind, _parent in specs:
                departments = SAGA_DEPARTMENTS if kind == "prefecture" else MUNICIPAL_DEPARTMENTS
                for department in departments:
                    copy.write_row((now, now, ids[spec.code], department.name, department.name_en,
                                    department.bureau, department.is_desk, "", ""))
        cursor.execute("SELECT body_id, name, id FROM organizations_department")
        department_ids = {(body_id, name): pk for body_id, name, pk in cursor.fetchall()}
        log(f"  {len(department_ids):,} departments")

        pools = {
            "prefecture": _pool(rng, PREF_PLACEHOLDER, SAGA_DEPARTMENTS, 4_000),
            "municipality": _pool(rng, CITY_PLACEHOLDER, MUNICIPAL_DEPARTMENTS, 2_000),
        }
        department_keys = {name: search_key(name) for name in
                           {d.name for d in (*SAGA_DEPARTMENTS, *MUNICIPAL_DEPARTMENTS)}}
        # Indexes are built once after the load: maintaining a trigram GIN index row by row is
        # what makes a bulk load slow. Constraint indexes (primary key, unique) stay.
        cursor.execute("SET maintenance_work_mem = '1GB'")
        # Check foreign keys row by row: deferred checks would forbid CREATE INDEX until commit.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint)", ("catalog_catalogproject",),
        )
        indexes = cursor.fetchall()
        for index_name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{index_name}"')
        written = 0
        copy_started = time.monotonic()
        # Year by year, every body within a year: a real catalog grows by one fiscal year's
        # disclosure at a time, so rows of one year lie together on disk (a search within a year
        # reads that year's pages, not pages of every year).
        offsets = {spec.code: rng.randrange(len(pools[kind])) for spec, kind, _parent in specs}
        keys = {spec.code: search_key(spec.name) for spec, _kind, _parent in specs}
        with cursor.copy(f"COPY catalog_catalogproject ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for fiscal_year in FISCAL_YEARS:
                era = (f"R{fiscal_year - 2018}" if fiscal_year >= 2019
                       else f"H{fiscal_year - 1988}")
                for spec, kind, _parent in specs:
                    pool = pools[kind]
                    placeholder = PREF_PLACEHOLDER if kind == "prefecture" else CITY_PLACEHOLDER
                    placeholder_key = search_key(placeholder)
                    body_id = ids[spec.code]
                    per_year = (plan.prefecture_projects_per_year if kind == "prefecture"
                                else plan.municipal_projects_per_year)
                    offset = offsets[spec.code]
                    for serial in range(1, per_year + 1):
                        row = pool[(offset + serial * 7) % len(pool)]
                        code = f"{era}-{serial:04d}"
                        name = row.name.replace(placeholder, spec.name)
                        name_key = row.name_key.replace(placeholder_key, keys[spec.code])
                        copy.write_row((
                            now, now, body_id, department_ids[(body_id, row.department)],
                            fiscal_year, code, name, row.name_en, row.purpose, row.content,
                            row.budget_yen, row.implementation, row.beneficiaries, row.field,
                            row.open_to_collaboration, row.forms_json, row.contact, row.disclosed,
                            _search_text(name_key, row.name_en_key, code,
                                         department_keys[row.department], row.tail_key),
                        ))
                        written += 1
                    offsets[spec.code] = offset + per_year
                rate = written / (time.monotonic() - copy_started)
                log(f"  FY{fiscal_year}: {written:,} projects ({rate:,.0f} rows/s)")
        copy_seconds = time.monotonic() - copy_started
        log(f"  {written:,} projects copied in {copy_seconds:.1f} s")
        index_started = time.monotonic()
        for index_name, definition in indexes:
            cursor.execute(definition)
            log(f"  index {index_name} built")
        index_seconds = time.monotonic() - index_started
        analyze_started = time.monotonic()
        cursor.execute("ANALYZE")
    connection.commit()
    return {
        "bodies": len(ids), "departments": len(department_ids), "projects": written,
        "copy_seconds": copy_seconds, "index_seconds": index_seconds,
        "analyze_seconds": time.monotonic() - analyze_started,
        "seconds": time.monotonic() - started,
    }


def check_search_text(sample_size: int = 50) -> None:
    """The generated search_text must equal what the model computes: compare on a sample."""
    from django.db.models import Max, Min

    from kyoso.catalog.models import CatalogProject

    bounds = CatalogProject.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return
    # Random primary keys, not ORDER BY random(): that would sort millions of rows.
    sample = random.Random(0).sample(range(bounds["low"], bounds["high"] + 1),
                                     min(sample_size, bounds["high"] - bounds["low"] + 1))
    for project in CatalogProject.objects.select_related("department").filter(pk__in=sample):
        expected = project.build_search_text()
        if project.search_text != expected:
            raise AssertionError(f"search_text differs for project {project.pk}: "
                                 f"{project.search_text!r} != {expected!r}")
