import pytest


@pytest.mark.django_db
def test_it_links_to_collections_and_documentation_from_the_root(client):
    body = client.get("/api/v1/").json()
    assert body == {
        "version": "1",
        "bodies": "http://testserver/api/v1/bodies",
        "catalog_projects": "http://testserver/api/v1/catalog/projects",
        "agreements": "http://testserver/api/v1/agreements",
        "collaborations": "http://testserver/api/v1/collaborations",
        "cases": "http://testserver/api/v1/cases",
        "my_proposals": "http://testserver/api/v1/proposals/mine",
        "openapi": "http://testserver/api/v1/openapi.json",
        "docs": "http://testserver/api/v1/docs",
    }
    for name, url in body.items():
        if url.startswith("http"):
            expected = 401 if name == "my_proposals" else 200  # that one needs a token
            assert client.get(url).status_code == expected, url
