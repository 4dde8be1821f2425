"""Every answer carries a Content-Security-Policy that allows only Kyoso's own files.

The browser tests run under the same policy (tests/browser: axe is evaluated through the
DevTools protocol, since the policy refuses a <script> added to a page)."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


@pytest.mark.parametrize("path", ["/", "/en/catalog/", "/accounts/login/", "/api/v1/bodies",
                                  "/healthz", "/no-such-page/"])
def test_every_answer_allows_only_its_own_scripts_and_no_framing(client, path):
    policy = directives(client.get(path))
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_the_api_docs_use_django_ninjas_own_files_not_a_cdn(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
    assert "<script>" not in html  # nothing inline for the policy to refuse
