"""The demo seed runs once for this package (it takes seconds) and is removed afterwards.

It is committed outside the per-test transactions, so the teardown must delete it: other
packages' tests expect an empty database.
"""

import pytest

from kyoso.demo import seed as demo


@pytest.fixture(scope="package")
def demo_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        counts = demo.seed()
    yield counts
    with django_db_blocker.unblock():
        demo.reset()


@pytest.fixture
def seeded(demo_world, db):
    return demo_world
