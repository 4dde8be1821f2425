import pytest

from kyoso.proposals.models import Proposal

from .factories import walk


@pytest.mark.parametrize("model", ["proposal", "assignment", "decision", "proposalrevision",
                                   "message", "meeting"])
def test_the_admin_lists_every_record_without_an_add_button(
    client, platform_admin, draft, people, model
):
    walk(draft, Proposal.State.DECIDED, **people)
    client.force_login(platform_admin)
    response = client.get(f"/admin/proposals/{model}/")
    assert response.status_code == 200
    assert f"/admin/proposals/{model}/add/" not in response.content.decode()


def test_the_admin_shows_a_proposal_without_its_protected_text(client, platform_admin, draft):
    draft.content = "秘密のアイデア"
    draft.save()
    client.force_login(platform_admin)
    response = client.get(f"/admin/proposals/proposal/{draft.pk}/change/")
    assert response.status_code == 200
    assert "秘密のアイデア" not in response.content.decode()
