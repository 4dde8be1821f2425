"""/api/v1/agreements.csv: several values in one cell are separated by " / ", which occurs in no
label (保健・医療・福祉 holds "・", "Health, medical care and welfare" a comma); the headers and
the parties' names follow the language of the request."""

import csv
import datetime as dt
import io

import pytest

from kyoso.agreements.models import Agreement
from kyoso.agreements.tests.factories import make_agreement, walk
from kyoso.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(desk_coordinator, prefecture, municipality):
    company = OrganizationFactory(name="株式会社サンプル損保", name_en="Sample Insurance Co.")
    school = OrganizationFactory(name="特定非営利活動法人まなび", name_en="")
    agreement = make_agreement(
        desk_coordinator, prefecture, partners=[company, school], other_bodies=[municipality],
        fields=["welfare", "education"],
        items=[("県民の健康増進に関すること", "Health of residents"), "青少年の育成に関すること"],
    )
    return walk(agreement, Agreement.State.SIGNED, desk=desk_coordinator,
                signed_on=dt.date(2025, 6, 1))


def rows(client, query=""):
    response = client.get(f"/api/v1/agreements.csv{query}")
    assert response.status_code == 200
    text = response.content.decode("utf-8").removeprefix("\ufeff")
    header, *body = list(csv.reader(io.StringIO(text)))
    return [dict(zip(header, row, strict=True)) for row in body]


def test_several_values_are_separated_unambiguously_in_japanese(client, signed, municipality):
    (row,) = rows(client)
    assert row["分野"] == "保健・医療・福祉 / 教育・青少年"
    assert row["締結団体"] == f"佐賀県 / {municipality.name}"
    assert row["連携先"] == "株式会社サンプル損保 / 特定非営利活動法人まなび"
    assert row["連携事項"] == "県民の健康増進に関すること / 青少年の育成に関すること"
    assert row["状態"] == "締結済み"


def test_in_english_the_headers_and_names_are_english(client, signed, municipality):
    (row,) = rows(client, "?lang=en")
    assert list(row)[:8] == ["id", "Kind", "State", "Title", "Title in English",
                             "Government parties", "Partners", "Fields"]
    assert row["Fields"] == "Health, medical care and welfare / Education and youth"
    assert row["Government parties"] == f"Saga Prefecture / {municipality.name_en}"
    # An organization without an English name keeps its own.
    assert row["Partners"] == "Sample Insurance Co. / 特定非営利活動法人まなび"
    assert row["Items of cooperation"] == "Health of residents / 青少年の育成に関すること"
    assert row["Title"] == "健康増進に関する包括連携協定"
    assert row["Title in English"] == "Comprehensive agreement on health promotion"
    assert row["Signed on"] == "2025-06-01" and row["Fiscal year"] == "FY2025 (Reiwa 7)"
