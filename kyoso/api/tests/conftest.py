"""Helpers for API tests: the API is called by its public paths, as a client would."""

import json

import pytest
from django.test import Client

from kyoso.api.tokens import api_token_create
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.choices import PolicyField


@pytest.fixture
def child_support_project(department):
    """A disclosed project of Saga Prefecture's children division, open to collaboration."""
    return CatalogProjectFactory(
        department=department,
        name="子育てサポート事業",
        name_en="Child-rearing support",
        code="K-001",
        field=PolicyField.CHILDREN,
        fiscal_year=2025,
        budget_yen=3_000_000,
        collaboration_forms=["outsourcing", "co_hosting"],
        contact="こども家庭課 0952-00-0000",
        purpose="子育て家庭の孤立を防ぐ",
    )


@pytest.fixture
def undisclosed_project(department):
    return CatalogProjectFactory(department=department, name="非公開の検討事業", disclosed=False)


# ---- Calling the API as a person, with a personal token -------------------------------------


class ApiClient:
    """Django's test client sending ``Authorization: Bearer <token>`` and JSON bodies."""

    def __init__(self, client, secret: str | None = None, language: str | None = None):
        self.client = client
        self.headers = {}
        if secret:
            self.headers["authorization"] = f"Bearer {secret}"
        if language:
            self.headers["accept-language"] = language

    def _headers(self, extra):
        return {**self.headers, **(extra or {})}

    def get(self, path, params=None, headers=None):
        return self.client.get(f"/api/v1{path}", params or {}, headers=self._headers(headers))

    def post(self, path, data=None, headers=None):
        return self.client.post(
            f"/api/v1{path}", json.dumps(data or {}), content_type="application/json",
            headers=self._headers(headers),
        )

    def patch(self, path, data=None, headers=None):
        return self.client.patch(
            f"/api/v1{path}", json.dumps(data or {}), content_type="application/json",
            headers=self._headers(headers),
        )


def make_token(user, name="script") -> str:
    _token, secret = api_token_create(actor=user, name=name, lifetime_days=30)
    return secret


@pytest.fixture
def api_as():
    """``api_as(user)``: an API client acting for ``user`` through a token of theirs;
    ``api_as(None)``: an anonymous one."""

    def build(user, language=None):
        return ApiClient(Client(), make_token(user) if user is not None else None, language)

    return build


@pytest.fixture
def people(cso_member, desk_coordinator, department, department_officer):
    """The usual cast of a proposal's journey, for ``walk`` (as in the proposals' tests)."""
    return {
        "proposer": cso_member,
        "desk": desk_coordinator,
        "departments": [department],
        "officer": department_officer,
    }
