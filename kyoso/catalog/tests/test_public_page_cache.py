"""Anonymous visitors share rendered catalog pages until the catalog changes."""

import zlib

from django.core.cache import caches
from django.urls import reverse

from kyoso.catalog import services
from kyoso.catalog.tests.factories import CatalogProjectFactory

LIST = "/catalog/"


def test_it_serves_a_second_anonymous_visit_from_the_cache(client, department):
    CatalogProjectFactory(department=department, name="子育て支援事業")
    first = client.get(LIST, {"q": "子育て"})
    second = client.get(LIST, {"q": "子育て"})
    assert "X-Kyoso-Cache" not in first
    assert second["X-Kyoso-Cache"] == "hit"
    assert second.content == first.content


def test_it_keeps_languages_apart(client, department):
    CatalogProjectFactory(department=department, name="子育て支援事業")
    client.get(LIST)
    english = client.get("/en" + LIST)
    assert "X-Kyoso-Cache" not in english
    assert 'lang="en"' in english.content.decode()


def test_it_shows_a_change_at_once(
    client, department, department_officer, django_capture_on_commit_callbacks
):
    project = CatalogProjectFactory(department=department, name="旧名称事業")
    url = reverse("catalog:project_detail", args=[project.pk])
    assert "旧名称事業" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.project_update(
            actor=department_officer, project=project, data={"name": "新名称事業"}
        )
    response = client.get(url)
    assert "X-Kyoso-Cache" not in response
    assert "新名称事業" in response.content.decode()


def test_it_shows_new_rows_even_when_they_bypass_the_services(client, department):
    CatalogProjectFactory(department=department, name="最初の事業")
    client.get(LIST)
    CatalogProjectFactory(department=department, name="一括登録の事業")
    assert "一括登録の事業" in client.get(LIST).content.decode()


def test_it_never_shares_pages_with_signed_in_staff(client, department, department_officer):
    CatalogProjectFactory(department=department, name="非公開の事業", disclosed=False)
    client.get(LIST)  # an anonymous visit fills the cache
    client.force_login(department_officer)
    response = client.get(LIST)
    assert "X-Kyoso-Cache" not in response
    assert "非公開の事業" in response.content.decode()
    client.logout()
    assert "非公開の事業" not in client.get(LIST).content.decode()


def test_it_does_not_cache_a_page_that_carries_a_message(client, department):
    CatalogProjectFactory(department=department)
    client.get(LIST)
    client.cookies["messages"] = "pending"
    assert "X-Kyoso-Cache" not in client.get(LIST)


def test_it_does_not_cache_not_found_pages(client, department):
    hidden = CatalogProjectFactory(department=department, disclosed=False)
    url = reverse("catalog:project_detail", args=[hidden.pk])
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_an_emptied_cache_never_brings_back_an_older_page(
    client, department, department_officer, django_capture_on_commit_callbacks
):
    """The version lives in the database, so no loss of cached entries can reset it."""
    from django.core.cache import caches

    from kyoso.core.page_cache import recent_pages

    project = CatalogProjectFactory(department=department, name="公開中の事業")
    url = reverse("catalog:project_detail", args=[project.pk])
    client.get(url)  # cached while disclosed
    with django_capture_on_commit_callbacks(execute=True):
        services.project_update(
            actor=department_officer, project=project, data={"disclosed": False}
        )
    caches["pages"].clear()  # e.g. a full cache culled
    recent_pages.clear()
    assert client.get(url).status_code == 404


def test_a_hit_skips_sessions_and_the_view_but_keeps_the_headers(
    client, department, django_assert_num_queries
):
    CatalogProjectFactory(department=department)
    first = client.get(LIST)
    with django_assert_num_queries(1):  # the catalog's state, nothing else
        second = client.get(LIST)
    assert second["X-Kyoso-Cache"] == "hit"
    for header in ("Content-Language", "Vary", "X-Frame-Options", "X-Content-Type-Options",
                   "Content-Type", "Content-Security-Policy"):
        assert second[header] == first[header], header


def test_a_hit_comes_from_the_shared_cache_in_another_process(client, department):
    from kyoso.catalog.counting import catalog_state
    from kyoso.core.page_cache import page_key, recent_pages

    CatalogProjectFactory(department=department, name="共有される事業")
    first = client.get(LIST)
    # The shared copy is compressed; the page read back from it is the same.
    stored_headers, stored = caches["pages"].get(
        page_key("ja", "http://testserver", LIST, catalog_state()))
    assert len(stored) < len(first.content) / 2
    assert zlib.decompress(stored) == first.content
    assert stored_headers["Content-Type"] == first["Content-Type"]
    recent_pages.clear()  # as in another worker, whose memory is empty
    second = client.get(LIST)
    assert second["X-Kyoso-Cache"] == "hit"
    assert second.content == first.content


def test_a_visitor_with_a_session_is_never_served_a_shared_page(client, department):
    CatalogProjectFactory(department=department)
    client.get(LIST)
    client.cookies["sessionid"] = "whatever"
    response = client.get(LIST)
    assert "X-Kyoso-Cache" not in response
    assert response.status_code == 200


def test_it_never_stores_a_page_that_used_a_csrf_token(client, db, settings):
    settings.ROOT_URLCONF = "kyoso.core.tests.page_cache_urls"
    from kyoso.core.tests import page_cache_urls

    page_cache_urls.calls.clear()
    for _ in range(2):
        assert client.get("/form/").status_code == 200
    assert len(page_cache_urls.calls) == 2
    client.cookies.clear()
    for _ in range(2):
        client.get("/plain/")
    assert page_cache_urls.calls.count("plain") == 1


def test_it_answers_head_requests(client, department):
    CatalogProjectFactory(department=department)
    assert client.head(LIST).status_code == 200


def test_it_lists_departments_only_for_a_chosen_body(client, department, other_department):
    page = client.get(LIST, {"department": department.pk}).content.decode()
    assert 'id="id_department"' not in page
    page = client.get(LIST, {"body": department.body.code}).content.decode()
    assert f'<option value="{other_department.pk}">' in page


def test_a_renamed_department_retires_the_pages_that_show_it(
    client, department, django_capture_on_commit_callbacks
):
    """Bodies and departments change outside the catalog's services (the admin, imports)."""
    project = CatalogProjectFactory(department=department)
    url = reverse("catalog:project_detail", args=[project.pk])
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        department.name = "新しい名前の課"
        department.save()
    response = client.get(url)
    assert "X-Kyoso-Cache" not in response
    assert "新しい名前の課" in response.content.decode()


def test_pages_kept_in_memory_expire(client, department, monkeypatch):
    from kyoso.core import page_cache

    CatalogProjectFactory(department=department)
    client.get(LIST)
    assert client.get(LIST)["X-Kyoso-Cache"] == "hit"
    caches_cleared_and_later = page_cache.time.monotonic() + page_cache.recent_pages.ttl + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: caches_cleared_and_later)
    from django.core.cache import caches

    caches["pages"].clear()  # as if the shared copy had expired as well
    assert "X-Kyoso-Cache" not in client.get(LIST)


def test_a_host_outside_allowed_hosts_never_gets_a_cached_page(client, department, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    CatalogProjectFactory(department=department)
    client.get(LIST)
    response = client.get(LIST, headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "X-Kyoso-Cache" not in response


def test_the_fiscal_year_is_part_of_the_state(department):
    from kyoso.catalog.counting import catalog_state
    from kyoso.core.fiscal import fiscal_year_of

    assert catalog_state().endswith(f":{fiscal_year_of()}")
