"""The evaluation page says where the evaluation stands in a sentence of the page's language:
「記入中。行政と…」, not 「記入中. 行政と…」."""

import pytest
from django.urls import reverse
from django.utils import translation

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration

from .factories import RATINGS, at_state

S = Collaboration.State


def evaluation_page(client, user, evaluation, prefix=""):
    client.force_login(user)
    with translation.override("ja"):
        url = reverse("collaborations:evaluation",
                      args=[evaluation.collaboration_id, evaluation.pk])
    return client.get(prefix + url).content.decode()


@pytest.fixture
def open_evaluation(collaboration, department_officer):
    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    return services.evaluation_start(actor=department_officer, collaboration=collaboration,
                                     fiscal_year=collaboration.start_fiscal_year)


@pytest.mark.parametrize(("prefix", "sentence"), [
    ("", "記入中。行政と協働先の双方が評価を提出すると、評価が確定します。"),
    ("/en", "Being written. The evaluation is final when both the government and the partner "
            "have submitted their side."),
])
def test_an_open_evaluation_says_its_state_in_a_sentence(client, open_evaluation,
                                                         department_officer, prefix, sentence):
    page = evaluation_page(client, department_officer, open_evaluation, prefix)
    assert sentence in page
    assert "記入中." not in page


@pytest.mark.parametrize(("prefix", "sentence"), [
    ("", "確定（公開済み）。行政と協働先の双方が評価を提出すると、評価が確定します。"),
    ("/en", "Final, published. The evaluation is final when both"),
])
def test_a_published_evaluation_says_so_in_the_same_sentence(
    client, open_evaluation, department_officer, cso_member, desk_coordinator, prefix, sentence
):
    for person in (department_officer, cso_member):
        services.evaluation_side_submit(actor=person, evaluation=open_evaluation,
                                        ratings=RATINGS)
    services.evaluation_publish(actor=desk_coordinator, evaluation=open_evaluation)
    page = evaluation_page(client, department_officer, open_evaluation, prefix)
    assert sentence in page
    assert "確定 · 公開日時." not in page
