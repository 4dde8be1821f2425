"""Before a result is published the desk reads the reasons as the public will, and may reword
or withhold them."""

import pytest
from django.core.exceptions import ValidationError

from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

from .desk_pages import at_state, url

S = Proposal.State
PRIVATE = "代表者の山田太郎氏の信用情報に懸念があるため"


@pytest.fixture
def not_adopted(people):
    proposal = at_state(S.IN_CONSULTATION, people)
    decision = services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons=PRIVATE, expected_version=proposal.version,
    )
    proposal.refresh_from_db()
    assert proposal.state == S.DECIDED
    return decision


def test_the_public_reads_the_reviewed_wording(client, not_adopted, people):
    proposal = not_adopted.assignment.proposal
    services.proposal_publish(actor=people["desk"], proposal=proposal,
                              public_reasons={not_adopted.pk: "事業の実施体制に課題があるため"})
    page = client.get("/bodies/410004/results/").content.decode()
    assert "事業の実施体制に課題があるため" in page
    assert PRIVATE not in page
    api = client.get(f"/api/v1/proposals/results/{proposal.pk}")
    assert api.status_code == 200
    assert "事業の実施体制に課題があるため" in api.content.decode()
    assert PRIVATE not in api.content.decode()


def test_reasons_can_be_withheld(client, not_adopted, people):
    services.proposal_publish(actor=people["desk"], proposal=not_adopted.assignment.proposal,
                              public_reasons={not_adopted.pk: ""})
    not_adopted.refresh_from_db()
    assert not_adopted.public_reasons == "" and not_adopted.published_reasons == ""
    assert PRIVATE not in client.get("/bodies/410004/results/").content.decode()


def test_without_review_the_reasons_are_published_as_written(not_adopted, people):
    services.proposal_publish(actor=people["desk"], proposal=not_adopted.assignment.proposal)
    not_adopted.refresh_from_db()
    assert not_adopted.public_reasons is None and not_adopted.published_reasons == PRIVATE


def test_only_this_proposals_current_decisions_can_be_reviewed(not_adopted, people):
    with pytest.raises(ValidationError):
        services.proposal_publish(actor=people["desk"], proposal=not_adopted.assignment.proposal,
                                  public_reasons={not_adopted.pk + 999: "x"})
    proposal = Proposal.objects.get(pk=not_adopted.assignment.proposal_id)
    assert proposal.published_at is None


def test_the_publish_page_is_the_review(client, not_adopted, people):
    proposal = not_adopted.assignment.proposal
    client.force_login(people["desk"])
    publish = url("desk_publish", proposal.pk)
    review = client.get(publish).content.decode()
    assert PRIVATE in review  # prefilled, to be read and reworded
    field = f"reasons_{not_adopted.pk}"
    unconfirmed = client.post(publish, {field: "実施体制に課題"})
    text = unconfirmed.content.decode()
    assert unconfirmed.status_code == 200 and "実施体制に課題" in text  # nothing typed is lost
    assert client.post(publish, {field: "実施体制に課題", "confirm": "on"}).status_code == 302
    not_adopted.refresh_from_db()
    assert not_adopted.published_reasons == "実施体制に課題"
    assert "実施体制に課題" in client.get("/en/bodies/410004/results/").content.decode()
