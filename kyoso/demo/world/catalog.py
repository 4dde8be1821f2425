"""Deterministic catalog projects (事業) for a body and fiscal year, as plain dictionaries.

Callers pass their own ``random.Random`` so the same seed always yields the same catalog (stable
tests and screenshots). Budgets follow a skewed (log-normal) distribution rounded to 千円, like
real catalogs: many small projects, a few very large ones.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from .bodies import BodySpec, DepartmentSpec
from .vocabulary import (
    ACTIVITIES,
    BENEFICIARIES,
    GOALS,
    PATTERNS,
    SIGNATURE_PROJECTS,
    TARGET_GROUPS,
    TOPICS,
)

COLLABORATION_FORMS = (
    "outsourcing", "subsidy", "co_hosting", "endorsement", "cooperation", "joint_committee",
)
IMPLEMENTATIONS = ("direct", "outsourced", "subsidy", "mixed")
IMPLEMENTATION_WEIGHTS = (45, 30, 20, 5)
PARTNERS = ("NPO・市民活動団体", "大学", "企業", "関係団体", "市町", "中間支援組織", "地域住民")


def fiscal_year_code(fiscal_year: int, serial: int) -> str:
    """The body's own project number, e.g. R8-0042 for the 42nd project of FY2026 (令和8年度)."""
    return f"R{fiscal_year - 2018}-{serial:04d}"


def budget_yen(rng: random.Random, *, median_thousand: float) -> int | None:
    if rng.random() < 0.01:
        return None  # 未定: the amount is not fixed yet
    if rng.random() < 0.03:
        return 0  # no own budget: endorsement, cooperation without money
    thousand = rng.lognormvariate(math.log(median_thousand), 1.5)
    thousand = min(max(thousand, 50), 5_000_000)
    # Round to a plausible precision: 千円 for small sums, 10万円 or 100万円 for large ones.
    step = 1 if thousand < 10_000 else 100 if thousand < 500_000 else 1_000
    return int(round(thousand / step) * step) * 1000


# What a prefecture says, in a municipality's words.
_MUNICIPAL_WORDS = (
    ("県政", "{kind}政"), ("県庁", "{kind}役所"), ("県民", "{kind}民"), ("県内", "地域内"),
    ("県産品", "特産品"), ("県営", "{kind}営"), ("市町", "県・近隣市町"),
)
# Fields in which a place name in front of the topic reads naturally (「有明海食品ロス削減…」).
_PLACE_FIELDS = {"tourism", "culture", "environment", "agriculture", "community", "disaster",
                 "infrastructure", "children"}


def _localise(text: str, body: BodySpec) -> str:
    if body.name.endswith("県"):
        return text
    kind = body.name[-1]
    for prefectural, municipal in _MUNICIPAL_WORDS:
        text = text.replace(prefectural, municipal.format(kind=kind))
    return text


def _name(rng: random.Random, body: BodySpec, field: str, topic: str, suffix: str) -> str:
    topic = _localise(topic, body)
    roll = rng.random()
    if roll < 0.18 and body.local_specialties and field in _PLACE_FIELDS:
        return f"{rng.choice(body.local_specialties)}{topic}{suffix}"
    if roll < 0.28:
        return f"{rng.choice(TARGET_GROUPS)}向け{topic}{suffix}"
    if roll < 0.40 and not topic.startswith(("県", body.name[-1])):
        return f"{body.name}{topic}{suffix}"
    return f"{topic}{suffix}"


def _english(topic_en: str, pattern_en: str) -> str:
    text = pattern_en.format(topic_en)
    return text[0].upper() + text[1:]


def project_row(
    rng: random.Random,
    *,
    body: BodySpec,
    department: DepartmentSpec,
    phone: str,
    fiscal_year: int,
    serial: int,
    field: str | None = None,
    name: str | None = None,
    name_en: str | None = None,
    median_thousand: float = 3_000,
    open_share: float = 0.8,
) -> dict:
    field = field or rng.choice(department.fields)
    topic, topic_en = rng.choice(TOPICS[field])
    suffix, pattern_en, kind = rng.choice(PATTERNS)
    if name is None:
        name = _name(rng, body, field, topic, suffix)
        name_en = _english(topic_en, pattern_en) if rng.random() < 0.15 else ""
    goal = rng.choice(GOALS[field])
    beneficiaries = rng.choice(BENEFICIARIES[field])
    first, second, third = rng.sample(ACTIVITIES[kind], 3)
    partner = rng.choice(PARTNERS)
    purpose = (
        f"{_localise(topic, body)}に取り組むことにより、{goal}を図る。"
        f"{beneficiaries}のニーズを踏まえ、{partner}と連携して効果的に進める。"
    )
    content = f"{first}、{second}を行う。"
    if rng.random() < 0.6:
        content += f"あわせて{third}を通じて、取組の成果を県民に広く発信する。"
    implementation = rng.choices(IMPLEMENTATIONS, IMPLEMENTATION_WEIGHTS)[0]
    open_to_collaboration = rng.random() < open_share
    forms = (
        sorted(rng.sample(COLLABORATION_FORMS, rng.randint(1, 3)), key=COLLABORATION_FORMS.index)
        if open_to_collaboration else []
    )
    return {
        "fiscal_year": fiscal_year,
        "code": fiscal_year_code(fiscal_year, serial),
        "name": name,
        "name_en": name_en or "",
        "purpose": _localise(purpose, body),
        "content": _localise(content, body),
        "budget_yen": budget_yen(rng, median_thousand=median_thousand),
        "implementation": implementation,
        "beneficiaries": _localise(beneficiaries, body),
        "field": field,
        "open_to_collaboration": open_to_collaboration,
        "collaboration_forms": forms,
        "contact": f"{department.name}(電話 {phone})",
        "disclosed": rng.random() >= 0.01,
        "department": department.name,
    }


def catalog_rows(
    rng: random.Random,
    *,
    body: BodySpec,
    departments: Sequence[DepartmentSpec],
    phones: dict[str, str],
    fiscal_year: int,
    count: int,
    with_signatures: bool = False,
    median_thousand: float = 3_000,
    open_share: float = 0.8,
) -> list[dict]:
    """``count`` projects of one body and fiscal year with names unique within it."""
    rows: list[dict] = []
    seen: set[str] = set()
    by_field = {}
    for spec in departments:
        for field in spec.fields:
            by_field.setdefault(field, spec)
    if with_signatures:
        for name, name_en, field in SIGNATURE_PROJECTS:
            department = by_field.get(field, departments[0])
            if field == "community":
                department = next((d for d in departments if d.is_desk), department)
            rows.append(project_row(
                rng, body=body, department=department, phone=phones[department.name],
                fiscal_year=fiscal_year, serial=len(rows) + 1, field=field, name=name,
                name_en=name_en, median_thousand=median_thousand * 3, open_share=1.0,
            ))
            rows[-1]["disclosed"] = True
            seen.add(name)
    while len(rows) < count:
        department = rng.choice(departments)
        row = project_row(
            rng, body=body, department=department, phone=phones[department.name],
            fiscal_year=fiscal_year, serial=len(rows) + 1, median_thousand=median_thousand,
            open_share=open_share,
        )
        name = row["name"]
        attempt = 2
        while name in seen:
            # Real catalogs do this too: the same theme in a second phase or another area.
            name = f"{row['name']}(その{attempt})"
            attempt += 1
        row["name"] = name
        seen.add(name)
        rows.append(row)
    return rows


def previous_year_rows(rng: random.Random, rows: Sequence[dict], *, share: float) -> list[dict]:
    """Last year's catalog: most projects continue, with budgets that moved a little."""
    kept = []
    for row in rows:
        if rng.random() >= share:
            continue
        previous = dict(row)
        previous["fiscal_year"] = row["fiscal_year"] - 1
        previous["code"] = fiscal_year_code(previous["fiscal_year"], len(kept) + 1)
        if row["budget_yen"]:
            change = rng.uniform(0.85, 1.1)
            previous["budget_yen"] = int(round(row["budget_yen"] * change / 1000)) * 1000
        previous["disclosed"] = True
        kept.append(previous)
    return kept
