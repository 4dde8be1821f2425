"""Statistics per fiscal year and level: Saga's count, on the page, in the CSV and in the API."""

import csv
import io

import pytest

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import (
    DepartmentFactory,
    OrganizationMembershipFactory,
    StaffMembershipFactory,
)
from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.statistics import proposal_statistics

from .factories import make_draft, walk
from .public_pages import SECRET, published_result

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def result(cso_member, desk_coordinator, department, department_officer, other_department,
           other_department_officer, prefecture):
    return published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )


def rows_of(body):
    return {(row.fiscal_year, row.level): row.as_dict() for row in proposal_statistics(body)}


def test_it_counts_a_proposal_once_per_department_that_decided_it(result, prefecture):
    row = rows_of(prefecture)[(result.fiscal_year, "prefecture")]
    assert row == {
        "fiscal_year": result.fiscal_year, "level": "prefecture", "participating_bodies": 1,
        "proposing_organizations": 1, "proposals": 2, "adopted": 1, "adoption_rate": 50,
    }


def test_it_counts_municipalities_that_received_a_proposal_even_if_none_was_decided(
    result, prefecture, municipality,
):
    member = OrganizationMembershipFactory().user
    city_desk = DepartmentFactory(body=municipality, name="市民協働課", is_desk=True)
    desk = StaffMembershipFactory(
        body=municipality, role=BodyMembership.Role.DESK, department=city_desk
    ).user
    proposal = walk(make_draft(member, municipality), Proposal.State.OUT_OF_SCOPE,
                    proposer=member, desk=desk)
    make_draft(member, municipality, title="下書きは数えない")
    row = rows_of(prefecture)[(proposal.fiscal_year, "municipal")]
    assert row["participating_bodies"] == 1
    assert (row["proposals"], row["adopted"], row["adoption_rate"]) == (0, 0, None)
    # The municipality's own statistics have the municipal level only.
    assert {level for _year, level in rows_of(municipality)} == {"municipal"}


def test_it_leaves_out_a_decision_that_is_not_in_force(result, prefecture):
    decision = Decision.objects.get(assignment__proposal=result, outcome="not_adopted")
    Decision.objects.filter(pk=decision.pk).update(effective_at=None)
    row = rows_of(prefecture)[(result.fiscal_year, "prefecture")]
    assert (row["proposals"], row["adopted"], row["adoption_rate"]) == (1, 1, 100)


def test_it_shows_the_table_in_japanese_and_english(client, result, prefecture):
    html = client.get(f"/statistics/{prefecture.code}/").content.decode()
    assert f"{result.fiscal_year}年度(令和" in html and "1 (50%)" in html
    assert "参加市町村数" in html
    html = client.get(f"/en/statistics/{prefecture.code}/").content.decode()
    assert f"FY{result.fiscal_year} (Reiwa" in html and "Participating municipalities" in html


def test_it_downloads_csv_with_a_byte_order_mark_for_excel(client, result, prefecture):
    response = client.get(f"/statistics/{prefecture.code}/proposals.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    prefecture_row = next(row for row in rows if row["level"] == "prefecture")
    assert prefecture_row["proposals"] == "2" and prefecture_row["adoption_rate"] == "50"
    assert prefecture_row["fiscal_year_label"].endswith("年度)")


def test_it_answers_the_api_per_fiscal_year_and_level(client, result, prefecture):
    response = client.get(f"/api/v1/statistics/proposals?body={prefecture.code}")
    assert response.status_code == 200
    data = response.json()
    assert data["body"]["code"] == prefecture.code
    levels = {row["level"]: row for row in data["results"]}
    assert set(levels) == {"prefecture", "municipal"}
    assert levels["prefecture"] | {"fiscal_year_label": "", "level_label": ""} == {
        "fiscal_year": result.fiscal_year, "fiscal_year_label": "", "level": "prefecture",
        "level_label": "", "participating_bodies": 1, "proposing_organizations": 1,
        "proposals": 2, "adopted": 1, "adoption_rate": 50,
    }
    assert levels["municipal"]["adoption_rate"] is None


def test_it_answers_the_api_as_csv(client, result, prefecture):
    response = client.get(f"/api/v1/statistics/proposals?body={prefecture.code}&format=csv")
    assert response.status_code == 200
    assert response.content.startswith(BOM)
    assert b"prefecture" in response.content


def test_it_answers_404_and_422_in_the_api(client, db):
    assert client.get("/api/v1/statistics/proposals?body=999999").status_code == 404
    assert client.get("/api/v1/statistics/proposals?body=abc").status_code == 422
    assert client.get("/api/v1/statistics/proposals").status_code == 422


def test_it_never_lets_a_protected_section_out(client, result, prefecture):
    for path in (
        f"/statistics/{prefecture.code}/",
        f"/statistics/{prefecture.code}/proposals.csv",
        f"/api/v1/statistics/proposals?body={prefecture.code}",
        f"/api/v1/statistics/proposals?body={prefecture.code}&format=csv",
        f"/bodies/{prefecture.code}/results/",
    ):
        assert SECRET not in client.get(path).content.decode("utf-8-sig"), path


def test_it_counts_a_later_decision_by_its_proposals_fiscal_year(result, prefecture):
    Proposal.objects.filter(pk=result.pk).update(fiscal_year=2009)
    assert (2009, "prefecture") in rows_of(prefecture)
