"""Permissions on collaborations, one per action. Deny by default.

The parties are the body's desk, the staff of the collaboration's departments and the members of
its partner organizations. The public reads what is published; nobody else sees anything.
The object is a collaboration unless the name says otherwise (a report, an evaluation, a
decision for the budget, a proposal for ``start_from_proposal``).
"""

from __future__ import annotations

import rules

from kyoso.organizations.models import BodyMembership
from kyoso.organizations.predicates import (
    body_roles,
    is_admin_of_body,
    is_desk_of_body,
    organization_roles,
)
from kyoso.proposals.models import Decision

from .models import Collaboration, Evaluation, ProgressReport

S = Collaboration.State
ACTIVE = (S.PLANNED, S.RUNNING, S.SUSPENDED)
PUBLISHABLE = (S.RUNNING, S.FINISHED, S.EVALUATED, S.SUSPENDED)
OPEN_FOR_REPORTS = (S.RUNNING, S.SUSPENDED, S.FINISHED)
EVALUABLE = (S.RUNNING, S.FINISHED, S.EVALUATED)
NOT_CLOSED = (S.PLANNED, S.RUNNING, S.SUSPENDED, S.FINISHED, S.EVALUATED)


def department_ids_of(user, body_id: int) -> set[int]:
    return {
        department_id
        for role, department_id in body_roles(user).get(body_id, ())
        if role == BodyMembership.Role.DEPARTMENT and department_id
    }


def collaboration_department_ids(collaboration) -> set[int]:
    cached = getattr(collaboration, "_department_ids", None)
    if cached is None:
        cached = set(collaboration.departments.values_list("pk", flat=True))
        collaboration._department_ids = cached
    return cached


def collaboration_partner_ids(collaboration) -> set[int]:
    cached = getattr(collaboration, "_partner_ids", None)
    if cached is None:
        cached = set(collaboration.partners.values_list("pk", flat=True))
        collaboration._partner_ids = cached
    return cached


def in_state(*states):
    @rules.predicate(name=f"collaboration_in({','.join(states)})")
    def predicate(user, collaboration):
        return collaboration is not None and collaboration.state in states

    return predicate


@rules.predicate
def is_collaboration_desk(user, collaboration):
    return collaboration is not None and is_desk_of_body(user, collaboration.body)


@rules.predicate
def is_collaboration_department(user, collaboration):
    if collaboration is None:
        return False
    mine = department_ids_of(user, collaboration.body_id)
    return bool(mine & collaboration_department_ids(collaboration))


@rules.predicate
def is_collaboration_partner(user, collaboration):
    if collaboration is None or not user.is_authenticated:
        return False
    mine = organization_roles(user)
    return bool(mine) and bool(collaboration_partner_ids(collaboration) & mine.keys())


@rules.predicate
def is_collaboration_body_admin(user, collaboration):
    return collaboration is not None and is_admin_of_body(user, collaboration.body)


@rules.predicate
def is_published(user, collaboration):
    return collaboration is not None and collaboration.published_at is not None


@rules.predicate
def not_published(user, collaboration):
    return collaboration is not None and collaboration.published_at is None


government = is_collaboration_desk | is_collaboration_department
party = government | is_collaboration_partner


# Reports, evaluations: ask about their collaboration.
def _of_collaboration(predicate):
    @rules.predicate(name=f"report_or_evaluation:{predicate.name}")
    def wrapped(user, obj):
        return obj is not None and predicate.test(user, obj.collaboration)

    return wrapped


@rules.predicate
def report_awaits_partner(user, report):
    return report is not None and report.state in (
        ProgressReport.State.REQUESTED, ProgressReport.State.CHANGES_REQUESTED
    )


@rules.predicate
def report_awaits_review(user, report):
    return report is not None and report.state == ProgressReport.State.SUBMITTED


@rules.predicate
def report_collaboration_open(user, report):
    return report is not None and report.collaboration.state in OPEN_FOR_REPORTS


@rules.predicate
def evaluation_open(user, evaluation):
    return evaluation is not None and evaluation.state == Evaluation.State.OPEN


@rules.predicate
def evaluation_publishable(user, evaluation):
    return (
        evaluation is not None and evaluation.state == Evaluation.State.FINAL
        and evaluation.published_at is None
    )


# Budget: the desk of the body or the department that decided.
@rules.predicate
def is_decision_desk(user, decision):
    return decision is not None and is_desk_of_body(user, decision.assignment.proposal.body)


@rules.predicate
def is_deciding_department(user, decision):
    if decision is None:
        return False
    body_id = decision.assignment.proposal.body_id
    return decision.assignment.department_id in department_ids_of(user, body_id)


@rules.predicate
def is_adopted_in_effect(user, decision):
    return decision is not None and decision.is_adopted and decision.is_effective


# Starting a collaboration from a proposal: its desk, or a department that adopted it.
@rules.predicate
def proposal_adopted(user, proposal):
    return proposal is not None and adopting_decisions(proposal).exists()


@rules.predicate
def is_proposal_desk(user, proposal):
    return proposal is not None and is_desk_of_body(user, proposal.body)


@rules.predicate
def is_adopting_department(user, proposal):
    if proposal is None:
        return False
    mine = department_ids_of(user, proposal.body_id)
    return bool(mine) and adopting_decisions(proposal).filter(
        assignment__department_id__in=mine
    ).exists()


def adopting_decisions(proposal):
    return Decision.objects.effective().filter(
        assignment__proposal=proposal, outcome__in=Decision.ADOPTED
    )


# Starting a collaboration without a proposal (e.g. under an agreement): staff of the body.
@rules.predicate
def is_body_desk_or_department(user, body):
    return body is not None and (
        is_desk_of_body(user, body) or bool(department_ids_of(user, body.pk))
    )


rules.add_perm("collaborations.start_from_proposal",
               proposal_adopted & (is_proposal_desk | is_adopting_department))
rules.add_perm("collaborations.create_collaboration", is_body_desk_or_department)
rules.add_perm(
    "collaborations.view_collaboration", is_published | party | is_collaboration_body_admin
)
rules.add_perm("collaborations.view_workspace", party | is_collaboration_body_admin)
rules.add_perm("collaborations.change_collaboration", government & in_state(*ACTIVE))
rules.add_perm("collaborations.start_collaboration", government & in_state(S.PLANNED))
rules.add_perm("collaborations.finish_collaboration", government & in_state(S.RUNNING))
rules.add_perm("collaborations.suspend_collaboration", government & in_state(S.RUNNING))
rules.add_perm("collaborations.resume_collaboration", government & in_state(S.SUSPENDED))
rules.add_perm("collaborations.cancel_collaboration", government & in_state(*ACTIVE))
rules.add_perm(
    "collaborations.publish_collaboration",
    is_collaboration_desk & in_state(*PUBLISHABLE) & not_published,
)
rules.add_perm("collaborations.manage_contacts", party & in_state(*ACTIVE))
rules.add_perm("collaborations.complete_milestone", government & in_state(S.RUNNING))
rules.add_perm("collaborations.record_actual", government & in_state(*OPEN_FOR_REPORTS))
rules.add_perm("collaborations.request_report", government & in_state(*OPEN_FOR_REPORTS))
rules.add_perm("collaborations.log_activity", party & in_state(*NOT_CLOSED))
rules.add_perm(
    "collaborations.submit_report",
    _of_collaboration(is_collaboration_partner) & report_awaits_partner
    & report_collaboration_open,
)
rules.add_perm(
    "collaborations.review_report",
    _of_collaboration(is_collaboration_department) & report_awaits_review
    & report_collaboration_open,
)
rules.add_perm("collaborations.start_evaluation", party & in_state(*EVALUABLE))
evaluable = _of_collaboration(in_state(*EVALUABLE))
rules.add_perm(
    "collaborations.evaluate_as_government",
    _of_collaboration(government) & evaluation_open & evaluable,
)
rules.add_perm(
    "collaborations.evaluate_as_partner",
    _of_collaboration(is_collaboration_partner) & evaluation_open & evaluable,
)
rules.add_perm(
    "collaborations.publish_evaluation",
    _of_collaboration(is_collaboration_desk) & evaluation_publishable & evaluable,
)
rules.add_perm("collaborations.view_budget", is_decision_desk | is_deciding_department)
rules.add_perm(
    "collaborations.record_budget",
    (is_decision_desk | is_deciding_department) & is_adopted_in_effect,
)
