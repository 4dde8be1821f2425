"""Anonymous reads need no token or CSRF cookie; only anonymous answers are shared-cacheable."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_it_serves_anonymous_reads_even_when_csrf_is_enforced(prefecture, child_support_project):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get("/api/v1/bodies").status_code == 200
    assert strict.get("/api/v1/catalog/projects").status_code == 200


@pytest.mark.django_db
def test_it_lets_shared_caches_keep_anonymous_answers_for_a_minute(client, child_support_project):
    for path in (
        "/api/v1/bodies",
        "/api/v1/bodies/410004",
        "/api/v1/catalog/projects",
        f"/api/v1/catalog/projects/{child_support_project.pk}",
    ):
        response = client.get(path)
        assert response["Cache-Control"] == "public, max-age=60", path
        # Caches must tell languages and sessions apart.
        assert "Accept-Language" in response["Vary"]
        assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_it_keeps_answers_for_signed_in_users_out_of_shared_caches(
    client, department_officer, child_support_project
):
    client.force_login(department_officer)
    response = client.get("/api/v1/catalog/projects")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_it_does_not_mark_errors_cacheable(client, prefecture):
    assert "Cache-Control" not in client.get("/api/v1/bodies/999999")
    assert "Cache-Control" not in client.get("/api/v1/catalog/projects", {"page_size": 0})
