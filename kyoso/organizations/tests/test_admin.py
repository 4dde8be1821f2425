"""Platform administrators set up bodies, departments and organizations in the Django admin."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    ["governmentbody", "department", "bodymembership", "organization", "organizationmembership"],
)
def test_the_admin_lists_and_adds_every_model(
    client, platform_admin, department, cso_member, model
):
    client.force_login(platform_admin)

    assert client.get(f"/admin/organizations/{model}/").status_code == 200
    assert client.get(f"/admin/organizations/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_the_admin_searches_bodies_by_code(client, platform_admin, prefecture, other_prefecture):
    client.force_login(platform_admin)

    html = client.get("/admin/organizations/governmentbody/", {"q": "410004"}).content.decode()

    assert "佐賀県" in html
    assert "茨城県" not in html
