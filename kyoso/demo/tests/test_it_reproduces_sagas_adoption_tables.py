"""The demo's history gives back both tables of seeds/000_* exactly, computed from proposals."""

import csv
import io

import pytest

from kyoso.organizations.models import GovernmentBody
from kyoso.proposals.models import Assignment, Proposal
from kyoso.proposals.statistics import proposal_statistics

# Copied from seeds/000_*: (organizations, proposals, adopted, rate).
PREFECTURE = {
    2006: (14, 185, 79, 43), 2007: (27, 80, 59, 74), 2008: (48, 74, 52, 70),
    2009: (15, 25, 22, 88), 2010: (14, 21, 18, 86), 2011: (20, 31, 30, 97),
    2012: (27, 78, 78, 100),
}
# (participating municipalities, organizations, proposals, adopted, rate).
MUNICIPAL = {
    2009: (18, 17, 38, 19, 50), 2010: (18, 8, 11, 4, 36), 2011: (19, 22, 33, 19, 58),
    2012: (17, 16, 20, 6, 30),
}


SEED_YEARS = range(2006, 2013)


def as_tables(rows):
    """The rows of the seed's years (the demo also has proposals of the current year)."""
    prefecture, municipal = {}, {}
    for row in rows:
        if row["fiscal_year"] not in SEED_YEARS:
            continue
        if row["level"] == "prefecture":
            prefecture[row["fiscal_year"]] = (
                row["proposing_organizations"], row["proposals"], row["adopted"],
                row["adoption_rate"],
            )
        elif row["proposals"] or row["participating_bodies"]:
            municipal[row["fiscal_year"]] = (
                row["participating_bodies"], row["proposing_organizations"], row["proposals"],
                row["adopted"], row["adoption_rate"],
            )
    return prefecture, municipal


@pytest.fixture
def saga(seeded):
    return GovernmentBody.objects.get(code="410004")


def test_it_gives_both_tables_through_the_statistics_function(saga):
    rows = [row.as_dict() for row in proposal_statistics(saga)]
    assert as_tables(rows) == (PREFECTURE, MUNICIPAL)


def test_it_received_fewer_documents_than_it_counted_in_fy2006(saga):
    documents = Proposal.objects.filter(body=saga, fiscal_year=2006).count()
    decided = Assignment.objects.filter(
        proposal__body=saga, proposal__fiscal_year=2006, state="answered"
    )
    assert documents < decided.count() == 185
    assert decided.values("proposal").distinct().count() == documents


def test_it_gives_both_tables_through_the_api(client, saga):
    response = client.get("/api/v1/statistics/proposals?body=410004")
    assert response.status_code == 200
    assert as_tables(response.json()["results"]) == (PREFECTURE, MUNICIPAL)


def test_it_gives_both_tables_as_csv(client, saga):
    response = client.get("/api/v1/statistics/proposals?body=410004&format=csv")
    text = response.content.decode("utf-8-sig")
    rows = [
        {key: int(value) if value.isdigit() else value for key, value in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
    assert as_tables(rows) == (PREFECTURE, MUNICIPAL)


def cells(*values) -> str:
    return "".join(f'<td class="num">{value}</td>' for value in values)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_it_shows_both_tables_on_the_statistics_page(client, saga, prefix):
    page = "".join(
        line.strip() for line in client.get(f"{prefix}/statistics/410004/").content.decode()
        .splitlines()
    )
    for year, (organizations, proposals, adopted, rate) in PREFECTURE.items():
        prefecture = cells(organizations, proposals, f"{adopted} ({rate}%)")
        if year in MUNICIPAL:
            participating, organizations, proposals, adopted, rate = MUNICIPAL[year]
            municipal = cells(participating, organizations, proposals, f"{adopted} ({rate}%)")
        else:
            municipal = cells("—", "—", "—", "—")
        assert f"{prefecture}{municipal}</tr>" in page, year
    assert ("2006年度(平成18年度)" if not prefix else "FY2006 (Heisei 18)") in page


def test_it_publishes_the_seeds_examples(client, saga):
    page = client.get("/bodies/410004/results/?fiscal_year=2011&q=難病").content.decode()
    assert "難病サポーターズクラブの設立" in page
    assert "NPO法人 難病サポートさが" in page
    # Decided by two departments, each shown with its outcome.
    assert "健康づくり課" in page and "雇用労働課" in page
    page = client.get("/bodies/410004/results/?q=元気ひろば").content.decode()
    assert "県庁「佐賀元気ひろば」総合案内窓口の運営をCSOへ委託" in page
    assert "2006年度(平成18年度)" in page
    page = client.get("/bodies/410004/results/?q=市民基金").content.decode()
    assert "公益財団法人 佐賀未来創造基金" in page
