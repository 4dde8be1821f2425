"""Address lists for the "uncached" pages: every request asks a different question.

Anonymous catalog pages are served from a shared page cache keyed by the full path, and public
result counts are cached by their filters (kyoso.core.page_cache, kyoso.catalog.counting). A
benchmark that repeats one URL therefore measures a cache lookup, not a search. The lists here
give every request its own filters (term × fiscal year, or body × fiscal year × field), so
neither the page nor the count can come from the cache; ``report.lua`` walks a list without
repeating an address and counts the answers that still say ``X-Kyoso-Cache: hit``.

The terms are what people type into a catalog search, drawn from the generator's vocabulary
(``kyoso.demo.world.vocabulary``): whole topics (子育て支援), two-character words (福祉, 観光,
防災 — the commonest Japanese queries, which the doubled search form lets pg_trgm serve), target
groups, term pairs (「地域 福祉」), prefecture names and a few words the catalog does not contain.
"""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urlencode

from kyoso.demo.world.vocabulary import (
    BENEFICIARIES,
    GOALS,
    SIGNATURE_PROJECTS,
    TARGET_GROUPS,
    TOPICS,
)

# Two-character words as people search for them; those absent from the vocabulary are dropped,
# except the few kept on purpose as searches that find nothing.
TWO_CHARACTER_WORDS = (
    "福祉 観光 防災 環境 教育 医療 介護 農業 林業 漁業 文化 交通 防犯 健康 地域 支援 "
    "協働 移住 雇用 就労 高齢 障害 女性 若者 人権 国際 企業 創業 人材 育成 相談 研修 "
    "調査 補助 啓発 道路 河川 住宅 公園 統計 広報 保育 結婚 出産 読書 英語 学校 図書 "
    "森林 脱炭 再生 削減 保全 避難 消費 減量 景観 港湾 拠点 交流 連携 里親 虐待 貧困 "
    "病児 検診 歯科 長寿 自殺 予防 就農 多文 共生 留学 被害 行政 改革 納税 空家 定住 "
    "自治 ごみ 食品 子ども "
).split()
NOTHING_FOUND = ("温泉", "宇宙", "量子", "半導体", "ドローン配送", "メタバース")
PREFECTURE_WORDS = ("佐賀県", "佐賀", "北海道", "長野県", "東京都", "沖縄県", "福岡県", "大阪府")


def _vocabulary_text() -> str:
    parts = [topic for topics in TOPICS.values() for topic, _en in topics]
    parts += [goal for goals in GOALS.values() for goal in goals]
    parts += [who for groups in BENEFICIARIES.values() for who in groups]
    parts += [name for name, _en, _field in SIGNATURE_PROJECTS]
    return " ".join(parts)


def search_terms(count: int = 600, seed: int = 2026) -> list[str]:
    """About ``count`` distinct queries: single words, whole topics and pairs, shuffled."""
    rng = random.Random(seed)
    text = _vocabulary_text()
    words = [word for word in TWO_CHARACTER_WORDS if word in text]
    topics = sorted({topic for topics in TOPICS.values() for topic, _en in topics})
    terms = set(words) | set(topics) | set(TARGET_GROUPS) | set(NOTHING_FOUND)
    terms |= set(PREFECTURE_WORDS)
    terms |= {name.split("(")[0] for name, _en, _field in SIGNATURE_PROJECTS}
    pairs = [(a, b) for a in words for b in words + list(TARGET_GROUPS) if a != b]
    rng.shuffle(pairs)
    for first, second in pairs:
        if len(terms) >= count:
            break
        terms.add(f"{first} {second}")
    ordered = sorted(terms)
    rng.shuffle(ordered)
    return ordered


def search_paths(prefix: str, *, fiscal_years: list[int], seed: int, pages: int = 3) -> list[str]:
    """Each term alone and with two fiscal years: every address has its own count key.

    The page number varies from 1 to ``pages`` (the API answers 404 beyond the last page, so it
    is given ``pages=1``).
    """
    rng = random.Random(seed)
    combinations = []
    for term in search_terms():
        combinations.append({"q": term})
        for year in rng.sample(fiscal_years, 2):
            combinations.append({"q": term, "fiscal_year": year})
    rng.shuffle(combinations)
    return [f"{prefix}?{urlencode({**params, 'page': rng.randint(1, pages)})}"
            for params in combinations]


def body_paths(body_codes: list[str], fields: list[str], *, fiscal_years: list[int],
               seed: int, limit: int = 6_000) -> list[str]:
    """The list of one body, by fiscal year and field (or all), never the same twice."""
    rng = random.Random(seed)
    combinations = [(code, year, field) for code in body_codes
                    for year in [None, *fiscal_years] for field in ["", *fields]]
    rng.shuffle(combinations)
    paths = []
    for code, year, field in combinations[:limit]:
        params = {"body": code}
        if year:
            params["fiscal_year"] = year
        if field:
            params["field"] = field
        params["page"] = rng.randint(1, 2)
        paths.append(f"/catalog/?{urlencode(params)}")
    return paths


def detail_paths(project_ids: list[int]) -> list[str]:
    return [f"/catalog/{pk}/" for pk in project_ids]


def write_paths(directory: Path, name: str, paths: list[str], *, warm_up: int) -> dict:
    """Two files: the first ``warm_up`` addresses for the warm-up, the rest for the run."""
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    warm_file, run_file = directory / f"paths-{slug}-warm.txt", directory / f"paths-{slug}.txt"
    warm_file.write_text("\n".join(paths[:warm_up]) + "\n")
    run_file.write_text("\n".join(paths[warm_up:]) + "\n")
    return {"warm": str(warm_file), "run": str(run_file), "distinct": len(paths) - warm_up,
            "example": paths[warm_up]}


# Words of proposal titles (kyoso.demo.world.history_texts), as visitors filter results by them.
RESULT_WORDS = ("", "協働", "委託", "防災", "子ども食堂", "ボランティア", "広報")


def result_paths(body_codes: list[str], *, fiscal_years: list[int], seed: int,
                 limit: int = 6_000) -> list[str]:
    """A body's published results by fiscal year (or all) and title word, pages 1–2."""
    rng = random.Random(seed)
    combinations = [(code, year, word) for code in body_codes for year in [None, *fiscal_years]
                    for word in RESULT_WORDS]
    rng.shuffle(combinations)
    paths = []
    for code, year, word in combinations[:limit]:
        params = {}
        if year:
            params["fiscal_year"] = year
        if word:
            params["q"] = word
        params["page"] = rng.randint(1, 2)
        paths.append(f"/bodies/{code}/results/?{urlencode(params)}")
    return paths


def statistics_paths(body_codes: list[str], *, seed: int, api: bool = False) -> list[str]:
    """Every body's statistics page in both languages (or the API as JSON and CSV), shuffled.

    The statistics are not kept in any cache, so a repeated body costs as much as a new one; the
    list only keeps PostgreSQL from answering one body's rows from its buffers every time.
    """
    rng = random.Random(seed)
    if api:
        paths = [f"/api/v1/statistics/proposals?body={code}{extra}" for code in body_codes
                 for extra in ("", "&format=csv")]
    else:
        paths = [f"{prefix}/statistics/{code}/" for code in body_codes for prefix in ("", "/en")]
    rng.shuffle(paths)
    return paths
