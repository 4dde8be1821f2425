"""The public directory of partner organizations: search by name or furigana, filter, mark."""

import pytest

from kyoso.organizations.models import Organization, OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationFactory, OrganizationMembershipFactory


@pytest.fixture
def organizations(db):
    return {
        "support": OrganizationFactory(
            name="さが市民活動サポートセンター",
            name_kana="さがしみんかつどうさぽーとせんたー",
            kind=Organization.Kind.NPO_CORPORATION,
            is_intermediary=True,
            fields=["community", "welfare"],
        ),
        "forest": OrganizationFactory(
            name="NPO法人 森の学校",
            name_kana="もりのがっこう",
            kind=Organization.Kind.NPO_CORPORATION,
            fields=["environment", "education"],
        ),
        "company": OrganizationFactory(
            name="株式会社ミライ",
            name_kana="みらい",
            kind=Organization.Kind.COMPANY,
            fields=["industry"],
        ),
    }


def _names(response):
    return [o.name for o in response.context["organizations"]]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["サポート", "さぽーと", "ｻﾎﾟｰﾄ", "さが　さぽーと"])
def test_it_finds_by_name_or_furigana_in_any_kana(client, organizations, query):
    assert _names(client.get("/organizations/", {"q": query})) == ["さが市民活動サポートセンター"]


@pytest.mark.django_db
def test_it_finds_by_latin_letters_whatever_their_width(client, organizations):
    assert _names(client.get("/organizations/", {"q": "ＮＰＯ"})) == ["NPO法人 森の学校"]


@pytest.mark.django_db
def test_it_filters_by_kind(client, organizations):
    assert _names(client.get("/organizations/", {"kind": "company"})) == ["株式会社ミライ"]


@pytest.mark.django_db
def test_it_filters_by_field_of_activity(client, organizations):
    assert _names(client.get("/organizations/", {"field": "environment"})) == ["NPO法人 森の学校"]
    assert _names(client.get("/organizations/", {"field": "welfare"})) == [
        "さが市民活動サポートセンター"
    ]


@pytest.mark.django_db
def test_it_marks_and_filters_intermediary_support_organizations(client, organizations):
    response = client.get("/organizations/", {"intermediary": "on"})

    assert _names(response) == ["さが市民活動サポートセンター"]
    assert "中間支援組織" in response.content.decode()


@pytest.mark.django_db
def test_it_ignores_an_unknown_filter_value_and_says_so(client, organizations):
    response = client.get("/en/organizations/", {"kind": "secret-society"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "heading"), [("", "連携団体"), ("/en", "Partner organizations")]
)
def test_it_shows_the_directory_in_both_languages(client, organizations, prefix, heading):
    html = client.get(f"{prefix}/organizations/").content.decode()

    assert f"<h1>{heading}</h1>" in html
    assert "もりのがっこう" in html


@pytest.mark.django_db
def test_the_detail_page_shows_public_information_only_and_members_only_to_members(
    client, organizations, outsider
):
    organization = organizations["forest"]
    member = OrganizationMembershipFactory(
        organization=organization,
        role=OrganizationMembership.Role.ADMIN,
        user__email="secret.member@example.jp",
        user__display_name="森 花子",
    ).user

    public = client.get(f"/organizations/{organization.pk}/").content.decode()
    client.force_login(outsider)
    as_outsider = client.get(f"/organizations/{organization.pk}/").content.decode()
    client.force_login(member)
    as_member = client.get(f"/organizations/{organization.pk}/").content.decode()

    assert "森 花子" not in public and "森 花子" not in as_outsider
    assert "森 花子" in as_member
    assert "secret.member@example.jp" not in public
    assert f"/organizations/{organization.pk}/join/" in as_outsider
    assert f"/organizations/{organization.pk}/edit/" in as_member


@pytest.mark.django_db
def test_an_unknown_organization_is_404(client):
    assert client.get("/organizations/999999/").status_code == 404
