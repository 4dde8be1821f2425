import pytest


@pytest.mark.django_db
def test_signed_in_pages_are_not_kept_by_browsers_or_proxies(client, department_officer):
    client.force_login(department_officer)
    response = client.get("/manage/catalog/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_public_pages_keep_their_own_caching(client):
    assert "no-store" not in client.get("/catalog/").get("Cache-Control", "")
