"""The demo's agreements: seeded through the services, findable, and gone again with --reset."""

import pytest

from kyoso.agreements.models import Agreement
from kyoso.demo import seed as demo
from kyoso.demo.world.agreements import REVITALIZATION_TITLE, WATER_TITLE

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_public_agreements_and_reset_removes_them():
    counts = demo.seed(scale="small")
    assert counts["agreements"] == 6
    water = Agreement.objects.get(title=WATER_TITLE)
    assert water.state == Agreement.State.ACTIVE and water.body.code == "412015"
    assert water.memoranda.filter(signed_on__isnull=False).count() == 1
    states = set(Agreement.objects.values_list("state", flat=True))
    assert {"signed", "active", "renewed", "expired"} <= states
    assert not Agreement.objects.filter(state="draft").exists()
    amended = Agreement.objects.get(title=REVITALIZATION_TITLE).amendments.get()
    assert amended.changes_items and "デジタル化" in amended.items_after[3][0]
    demo.reset()
    assert not Agreement.objects.exists()
