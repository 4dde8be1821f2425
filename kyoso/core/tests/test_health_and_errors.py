from unittest import mock

import pytest


@pytest.mark.django_db
def test_it_reports_health_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_reports_an_unavailable_database(client):
    with mock.patch("kyoso.core.views.connection.cursor", side_effect=Exception("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [("/no-such-page/", "ページが見つかりません"), ("/en/no-such-page/", "Page not found")],
)
def test_it_shows_a_not_found_page_in_the_users_language(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()
