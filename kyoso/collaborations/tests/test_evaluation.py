"""Joint evaluation: both sides rate the three criteria; final only when both have submitted;
then the desk publishes it. A final evaluation of a finished collaboration makes it evaluated."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration, Evaluation
from kyoso.collaborations.services import CollaborationTransitionError

from .factories import RATINGS, at_state, running

S = Collaboration.State


@pytest.fixture
def finished(collaboration, department_officer, cso_member):
    return at_state(collaboration, S.FINISHED, officer=department_officer, partner=cso_member)


def test_it_is_final_only_when_both_sides_have_submitted(
    finished, department_officer, cso_member
):
    evaluation = services.evaluation_start(actor=cso_member, collaboration=finished)
    services.evaluation_side_submit(actor=department_officer, evaluation=evaluation,
                                    ratings=RATINGS, comments={"relevance": "県の方針に合致"},
                                    lessons="早期の役割分担")
    evaluation.refresh_from_db()
    finished.refresh_from_db()
    assert evaluation.state == Evaluation.State.OPEN
    assert finished.state == S.FINISHED
    services.evaluation_side_submit(actor=cso_member, evaluation=evaluation,
                                    ratings={"relevance": 4, "effectiveness": 4, "process": 2})
    evaluation.refresh_from_db()
    finished.refresh_from_db()
    assert evaluation.state == Evaluation.State.FINAL and evaluation.finalized_at
    assert finished.state == S.EVALUATED
    sides = {s.side: s for s in evaluation.sides.all()}
    assert sides["government"].relevance_comment == "県の方針に合致"
    assert sides["partner"].process == 2


def test_it_refuses_a_side_submitting_twice(finished, department_officer, desk_coordinator):
    evaluation = services.evaluation_start(actor=department_officer, collaboration=finished)
    services.evaluation_side_submit(actor=department_officer, evaluation=evaluation,
                                    ratings=RATINGS)
    # The desk writes for the same (government) side.
    with pytest.raises(CollaborationTransitionError):
        services.evaluation_side_submit(actor=desk_coordinator, evaluation=evaluation,
                                        ratings=RATINGS)


def test_it_needs_a_rating_on_each_criterion(finished, cso_member):
    evaluation = services.evaluation_start(actor=cso_member, collaboration=finished)
    with pytest.raises(ValidationError) as error:
        services.evaluation_side_submit(actor=cso_member, evaluation=evaluation,
                                        ratings={"relevance": 5, "effectiveness": 3})
    assert set(error.value.error_dict) == {"relevance", "process"}


def test_it_refuses_outsiders(finished, outsider, other_body_admin, department_officer):
    evaluation = services.evaluation_start(actor=department_officer, collaboration=finished)
    for person in (outsider, other_body_admin):
        with pytest.raises(PermissionDenied):
            services.evaluation_side_submit(actor=person, evaluation=evaluation,
                                            ratings=RATINGS)


def test_it_keeps_the_final_evaluation_for_the_end(collaboration, department_officer):
    running(collaboration, department_officer)
    with pytest.raises(CollaborationTransitionError):
        services.evaluation_start(actor=department_officer, collaboration=collaboration)
    yearly = services.evaluation_start(actor=department_officer, collaboration=collaboration,
                                       fiscal_year=collaboration.start_fiscal_year)
    assert yearly.fiscal_year == collaboration.start_fiscal_year
    with pytest.raises(CollaborationTransitionError):
        services.evaluation_start(actor=department_officer, collaboration=collaboration,
                                  fiscal_year=collaboration.start_fiscal_year)


def test_it_is_published_by_the_desk_once_final(
    finished, department_officer, cso_member, desk_coordinator
):
    evaluation = services.evaluation_start(actor=department_officer, collaboration=finished)
    services.evaluation_side_submit(actor=department_officer, evaluation=evaluation,
                                    ratings=RATINGS)
    with pytest.raises(CollaborationTransitionError) as error:
        services.evaluation_publish(actor=desk_coordinator, evaluation=evaluation)
    assert error.value.code == "not_final"
    services.evaluation_side_submit(actor=cso_member, evaluation=evaluation, ratings=RATINGS)
    with pytest.raises(PermissionDenied):
        services.evaluation_publish(actor=department_officer, evaluation=evaluation)
    services.evaluation_publish(actor=desk_coordinator, evaluation=evaluation)
    evaluation.refresh_from_db()
    assert evaluation.published_at is not None


def test_it_neither_completes_nor_publishes_the_evaluation_of_a_cancelled_collaboration(
    collaboration, department_officer, cso_member, desk_coordinator
):
    collaboration = running(collaboration, department_officer)
    year = collaboration.start_fiscal_year
    open_one = services.evaluation_start(actor=department_officer, collaboration=collaboration,
                                         fiscal_year=year)
    services.evaluation_side_submit(actor=department_officer, evaluation=open_one,
                                    ratings=RATINGS)
    final_one = services.evaluation_start(actor=department_officer,
                                          collaboration=collaboration, fiscal_year=year + 1)
    services.evaluation_side_submit(actor=department_officer, evaluation=final_one,
                                    ratings=RATINGS)
    services.evaluation_side_submit(actor=cso_member, evaluation=final_one, ratings=RATINGS)
    services.collaboration_cancel(actor=department_officer, collaboration=collaboration,
                                  reason="協働先の解散")
    with pytest.raises(CollaborationTransitionError):
        services.evaluation_side_submit(actor=cso_member, evaluation=open_one, ratings=RATINGS)
    with pytest.raises(CollaborationTransitionError):
        services.evaluation_publish(actor=desk_coordinator, evaluation=final_one)
    open_one.refresh_from_db()
    final_one.refresh_from_db()
    assert open_one.state == Evaluation.State.OPEN and final_one.published_at is None
