"""A collaboration starts from an adopted proposal and moves planned → running → finished
(→ evaluated), or is suspended / cancelled; every move is audited and illegal ones refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.collaborations.services import CollaborationTransitionError
from kyoso.core.audit import AuditEvent
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.proposals.tests.factories import make_draft, walk

from .factories import collaboration_from

S = Collaboration.State


def test_it_starts_from_an_adopted_proposal_with_its_departments_partner_and_form(
    adopted, department, partner_org, department_officer
):
    collaboration = collaboration_from(adopted, department_officer)
    assert collaboration.state == S.PLANNED
    assert collaboration.title == adopted.title
    assert list(collaboration.departments.all()) == [department]
    assert list(collaboration.partners.all()) == [partner_org]
    assert collaboration.form == CollaborationForm.OUTSOURCING
    assert collaboration.start_fiscal_year == adopted.fiscal_year
    event = AuditEvent.objects.for_target(collaboration).get()
    assert event.action == "collaborations.create"


def test_it_lets_the_desk_start_it_too(adopted, desk_coordinator):
    assert collaboration_from(adopted, desk_coordinator).created_by == desk_coordinator


def test_it_refuses_a_second_collaboration_of_the_same_proposal(adopted, department_officer):
    collaboration_from(adopted, department_officer)
    with pytest.raises(CollaborationTransitionError) as error:
        collaboration_from(adopted, department_officer)
    assert error.value.code == "already_started"


def test_it_refuses_a_proposal_that_was_not_adopted(
    cso_member, prefecture, desk_coordinator, department, department_officer
):
    proposal = walk(make_draft(cso_member, prefecture), "in_consultation", proposer=cso_member,
                    desk=desk_coordinator, departments=[department])
    with pytest.raises(CollaborationTransitionError) as error:
        collaboration_from(proposal, department_officer)
    assert error.value.code == "not_adopted"


@pytest.mark.parametrize("who", ["cso_member", "other_department_officer", "other_body_admin",
                                 "outsider", "platform_admin", "body_admin"])
def test_it_lets_only_the_desk_or_an_adopting_department_start_it(adopted, who, request):
    with pytest.raises(PermissionDenied):
        collaboration_from(adopted, request.getfixturevalue(who))


def test_it_needs_a_field_and_departments_of_its_own_body(
    adopted, department_officer, other_body_officer
):
    with pytest.raises(ValidationError) as error:
        collaboration_from(adopted, department_officer, field="")
    assert "field" in error.value.error_dict


def test_it_runs_finishes_and_records_each_move(collaboration, department_officer):
    services.collaboration_start(actor=department_officer, collaboration=collaboration)
    collaboration.refresh_from_db()
    assert collaboration.state == S.RUNNING and collaboration.started_on
    services.collaboration_suspend(actor=department_officer, collaboration=collaboration,
                                   reason="会場改修")
    services.collaboration_resume(actor=department_officer, collaboration=collaboration)
    services.collaboration_finish(actor=department_officer, collaboration=collaboration)
    collaboration.refresh_from_db()
    assert collaboration.state == S.FINISHED and collaboration.finished_on
    moves = list(AuditEvent.objects.for_target(collaboration).exclude(from_state="").order_by("pk")
                 .values_list("from_state", "to_state"))
    assert moves == [("planned", "running"), ("running", "suspended"), ("suspended", "running"),
                     ("running", "finished")]


# Every (action, state) pair that is not allowed, with the service's own words.
ILLEGAL = [
    ("start", S.RUNNING), ("start", S.FINISHED), ("start", S.SUSPENDED), ("start", S.CANCELLED),
    ("finish", S.PLANNED), ("finish", S.SUSPENDED), ("finish", S.FINISHED),
    ("finish", S.CANCELLED),
    ("suspend", S.PLANNED), ("suspend", S.SUSPENDED), ("suspend", S.FINISHED),
    ("resume", S.PLANNED), ("resume", S.RUNNING), ("resume", S.FINISHED),
    ("cancel", S.FINISHED), ("cancel", S.CANCELLED), ("cancel", S.EVALUATED),
    ("publish", S.PLANNED), ("publish", S.CANCELLED),
]


def _act(action, actor, collaboration):
    calls = {
        "start": lambda: services.collaboration_start(actor=actor, collaboration=collaboration),
        "finish": lambda: services.collaboration_finish(actor=actor, collaboration=collaboration),
        "suspend": lambda: services.collaboration_suspend(actor=actor,
                                                          collaboration=collaboration,
                                                          reason="理由"),
        "resume": lambda: services.collaboration_resume(actor=actor, collaboration=collaboration),
        "cancel": lambda: services.collaboration_cancel(actor=actor, collaboration=collaboration,
                                                        reason="理由"),
        "publish": lambda: services.collaboration_publish(actor=actor,
                                                          collaboration=collaboration),
    }
    return calls[action]()


@pytest.mark.parametrize(("action", "state"), ILLEGAL)
def test_it_refuses_illegal_moves_with_a_message_naming_them(
    action, state, collaboration, department_officer, desk_coordinator, cso_member
):
    from .factories import at_state

    collaboration = at_state(collaboration, state, officer=department_officer,
                             partner=cso_member)
    before = AuditEvent.objects.count()
    actor = desk_coordinator if action == "publish" else department_officer
    with pytest.raises(CollaborationTransitionError) as error:
        _act(action, actor, collaboration)
    assert error.value.code == "invalid_transition"
    assert "の間はできません" in error.value.messages[0]
    collaboration.refresh_from_db()
    assert collaboration.state == state
    assert AuditEvent.objects.count() == before


def test_it_says_why_in_japanese(collaboration, department_officer):
    with pytest.raises(CollaborationTransitionError) as error:
        services.collaboration_finish(actor=department_officer, collaboration=collaboration)
    assert "「終了する」は、協働事業が「計画中」の間はできません。" in error.value.messages[0]


def test_it_needs_a_reason_to_suspend_or_cancel(collaboration, department_officer):
    with pytest.raises(ValidationError) as error:
        services.collaboration_cancel(actor=department_officer, collaboration=collaboration,
                                      reason=" ")
    assert "reason" in error.value.error_dict


def test_it_is_published_by_the_desk_only_once_it_runs(
    collaboration, department_officer, desk_coordinator
):
    services.collaboration_start(actor=department_officer, collaboration=collaboration)
    with pytest.raises(PermissionDenied):
        services.collaboration_publish(actor=department_officer, collaboration=collaboration)
    services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)
    collaboration.refresh_from_db()
    assert collaboration.published_at is not None
    with pytest.raises(CollaborationTransitionError):
        services.collaboration_publish(actor=desk_coordinator, collaboration=collaboration)


def test_it_updates_the_details_and_the_search_text(
    collaboration, department_officer, department, partner_org
):
    services.collaboration_update(
        actor=department_officer, collaboration=collaboration, title="佐賀元気ひろば総合窓口",
        summary="来庁者の案内", field=PolicyField.COMMUNITY, form=CollaborationForm.OUTSOURCING,
        start_fiscal_year=2026, end_fiscal_year=2028, departments=[department],
        partners=[partner_org],
    )
    assert Collaboration.objects.search(["げんき"]).exists() is False
    assert Collaboration.objects.search(["元気ひろば"]).get() == collaboration


def test_it_refuses_years_in_the_wrong_order(
    collaboration, department_officer, department, partner_org
):
    with pytest.raises(ValidationError) as error:
        services.collaboration_update(
            actor=department_officer, collaboration=collaboration, title="t", summary="s",
            field=PolicyField.COMMUNITY, form=CollaborationForm.OUTSOURCING,
            start_fiscal_year=2026, end_fiscal_year=2025, departments=[department],
            partners=[partner_org],
        )
    assert "end_fiscal_year" in error.value.error_dict


def test_it_can_start_without_a_proposal(desk_coordinator, prefecture, department, partner_org):
    collaboration = services.collaboration_create(
        actor=desk_coordinator, body=prefecture, title="水道技術協力", summary="研修生の受入れ",
        field=PolicyField.INTERNATIONAL, form=CollaborationForm.COOPERATION,
        start_fiscal_year=2026, departments=[department], partners=[partner_org],
    )
    assert collaboration.proposal is None


def test_it_refuses_staff_of_another_body_to_start_one_without_a_proposal(
    other_body_admin, prefecture, department, partner_org
):
    with pytest.raises(PermissionDenied):
        services.collaboration_create(
            actor=other_body_admin, body=prefecture, title="t", summary="s",
            field=PolicyField.INTERNATIONAL, form=CollaborationForm.COOPERATION,
            start_fiscal_year=2026, departments=[department], partners=[partner_org],
        )
