"""The demo's collaborations: the seeds' stories, built from the history's featured proposals
and the water agreement, with outcomes as Saga reported them; reset removes them."""

import pytest
from django.utils import translation

from kyoso.cases.models import Case
from kyoso.collaborations.figures import progress_of
from kyoso.collaborations.models import Collaboration
from kyoso.demo import seed as demo
from kyoso.proposals.models import Proposal


@pytest.fixture
def world(db):
    demo.seed(scale="small")


def test_it_tells_the_seeds_stories(world):
    assert Collaboration.objects.count() == 4
    counter = Collaboration.objects.get(title__contains="総合案内窓口")
    assert counter.proposal.title.startswith("県庁「佐賀元気ひろば」")
    with translation.override("ja"):
        assert progress_of(counter).indicators[0].phrase == "窓口来訪者数 43%増"
    assert counter.state == "evaluated" and counter.published_at
    assert Case.objects.get().collaboration == counter
    assert "43%増" in Case.objects.get().outcomes
    club = Collaboration.objects.get(title__contains="難病")
    assert club.departments.count() == 2
    # Only the partner has submitted the final evaluation: not final yet.
    assert club.evaluations.get().state == "open"


def test_it_links_the_water_cooperation_to_the_agreement(world):
    water = Collaboration.objects.get(title__contains="漏水対策")
    assert water.agreement is not None
    assert water.agreement.title == "上下水道分野の国際協力に関する包括連携協定"
    assert water.agreement.activities.exists()


def test_it_leaves_the_history_counts_alone(world):
    # The featured proposals are still the history's; no proposal was added for collaborations.
    assert Proposal.objects.filter(collaborations__isnull=False).count() == 3


def test_it_is_removed_by_reset_and_made_again(world):
    demo.reset()
    assert not Collaboration.objects.exists() and not Case.objects.exists()
    demo.seed(scale="small")
    assert Collaboration.objects.count() == 4
