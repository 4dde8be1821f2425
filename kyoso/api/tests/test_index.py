import pytest


@pytest.mark.django_db
def test_it_links_to_collections_and_documentation_from_the_root(client):
    body = client.get("/api/v1/").json()
    assert body == {
        "version": "1",
        "bodies": "http://testserver/api/v1/bodies",
        "catalog_projects": "http://testserver/api/v1/catalog/projects",
        "openapi": "http://testserver/api/v1/openapi.json",
        "docs": "http://testserver/api/v1/docs",
    }
    for url in body.values():
        if url.startswith("http"):
            assert client.get(url).status_code == 200, url
