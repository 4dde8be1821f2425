"""Helpers for API tests: the API is called by its public paths, as a client would."""

import pytest

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
