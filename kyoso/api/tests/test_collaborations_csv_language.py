"""The collaborations CSV speaks the language asked for: English headers, labels and names of
bodies and partners with ``?lang=en``; Japanese otherwise."""

import csv
import io

import pytest

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.collaborations.tests.conftest import adopted, collaboration, partner_org  # noqa: F401
from kyoso.collaborations.tests.factories import at_state

S = Collaboration.State


@pytest.fixture
def published(collaboration, partner_org, department_officer, desk_coordinator):  # noqa: F811
    partner_org.name_en = "Saga Counter Support Center"
    partner_org.save(update_fields=["name_en"])
    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    return services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)


def rows(client, **params):
    response = client.get("/api/v1/collaborations", {"format": "csv", **params})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_it_answers_english_with_lang_en(client, published, partner_org):  # noqa: F811
    [row] = rows(client, lang="en")
    assert list(row) == ["ID", "Title", "Body code", "Body", "Field", "Form of collaboration",
                         "State", "First fiscal year", "Last fiscal year", "Partners",
                         "Progress (%)", "Outcomes", "URL"]
    assert row["Body"] == "Saga Prefecture"
    assert row["Partners"] == "Saga Counter Support Center"
    assert row["State"] == "Running"
    assert row["Title"] == published.title  # the collaboration's own words


def test_it_answers_japanese_otherwise(client, published, partner_org):  # noqa: F811
    for params in ({}, {"lang": "ja"}):
        [row] = rows(client, **params)
        assert list(row)[:4] == ["ID", "名称", "団体コード", "団体"]
        assert row["団体"] == "佐賀県"
        assert row["協働先"] == partner_org.name
        assert row["状態"] == "実施中"


def test_it_keeps_the_english_names_it_has_and_the_japanese_ones_it_has_not(
    client, published, partner_org  # noqa: F811
):
    from kyoso.organizations.tests.factories import OrganizationFactory

    without_english = OrganizationFactory(name="さが防災ネット", name_en="")
    published.partners.add(without_english)
    [row] = rows(client, lang="en")
    assert set(row["Partners"].split("; ")) == {"Saga Counter Support Center", "さが防災ネット"}
