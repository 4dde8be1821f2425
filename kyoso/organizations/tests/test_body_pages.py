"""Public pages of government bodies, in Japanese and English."""

import pytest

from kyoso.organizations.models import GovernmentBody


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "name"), [("", "佐賀県"), ("/en", "Saga Prefecture")])
def test_the_list_shows_prefectures_with_their_municipalities(client, municipality, prefix, name):
    html = client.get(f"{prefix}/bodies/").content.decode()

    assert name in html
    assert html.index(name) < html.index(municipality.display_name if prefix == "" else "Saga City")


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_detail_shows_departments_catalog_and_municipalities(
    client, prefecture, municipality, desk_department, prefix
):
    html = client.get(f"{prefix}/bodies/{prefecture.code}/").content.decode()

    assert desk_department.name in html or desk_department.name_en in html
    assert f"{prefix}/catalog/?body={prefecture.code}" in html
    assert f"{prefix}/bodies/{municipality.code}/" in html


@pytest.mark.django_db
def test_the_detail_links_staff_management_only_for_the_bodys_administrators(
    client, prefecture, body_admin, other_body_admin
):
    staff_link = f"/manage/bodies/{prefecture.code}/staff/"
    assert staff_link not in client.get(f"/bodies/{prefecture.code}/").content.decode()
    client.force_login(other_body_admin)
    assert staff_link not in client.get(f"/bodies/{prefecture.code}/").content.decode()
    client.force_login(body_admin)
    assert staff_link in client.get(f"/bodies/{prefecture.code}/").content.decode()


@pytest.mark.django_db
def test_an_inactive_or_unknown_body_is_404(client, prefecture):
    GovernmentBody.objects.filter(pk=prefecture.pk).update(is_active=False)

    assert client.get(f"/bodies/{prefecture.code}/").status_code == 404
    assert client.get("/bodies/999999/").status_code == 404
