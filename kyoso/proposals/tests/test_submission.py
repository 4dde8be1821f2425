"""Submit once: a double click or a retry gives one proposal and one reference."""

import datetime as dt
import threading
import uuid
from unittest import mock

import pytest
from django.db import connection

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal, ReferenceCounter

from .factories import make_draft, submit, walk


def test_it_answers_the_same_key_with_the_proposal_already_submitted(draft, cso_member):
    key = uuid.uuid4()
    first = services.proposal_submit(actor=cso_member, proposal=draft, submission_key=key)
    again = services.proposal_submit(actor=cso_member, proposal=draft, submission_key=str(key))
    assert again.pk == first.pk and again.reference == first.reference
    assert again.version == first.version
    assert AuditEvent.objects.filter(action="proposals.submit").count() == 1
    assert ReferenceCounter.objects.get().last_number == 1


def test_it_refuses_a_key_used_for_another_proposal(cso_member, prefecture):
    key = uuid.uuid4()
    services.proposal_submit(
        actor=cso_member, proposal=make_draft(cso_member, prefecture), submission_key=key
    )
    with pytest.raises(services.ProposalTransitionError):
        services.proposal_submit(
            actor=cso_member, proposal=make_draft(cso_member, prefecture), submission_key=key
        )


def test_it_numbers_references_in_sequence_per_body_and_fiscal_year(
    cso_member, prefecture, municipality
):
    in_march = dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC)
    in_april = dt.datetime(2026, 4, 1, 3, tzinfo=dt.UTC)  # already 1 April in Japan
    with mock.patch("kyoso.proposals.services.drafting.now", return_value=in_march):
        march = [submit(make_draft(cso_member, prefecture), cso_member) for _ in range(2)]
    with mock.patch("kyoso.proposals.services.drafting.now", return_value=in_april):
        april = submit(make_draft(cso_member, prefecture), cso_member)
        city = submit(make_draft(cso_member, municipality), cso_member)
    assert [p.reference for p in march] == ["410004-2025-0001", "410004-2025-0002"]
    assert april.reference == "410004-2026-0001" and april.fiscal_year == 2026
    assert city.reference == "412015-2026-0001"


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


def _at_once(*calls):
    """Run the calls in threads that start together; each returns its result or exception."""
    from django.db import connections

    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread met
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_double_click_submits_once(cso_member, prefecture):
    draft = make_draft(cso_member, prefecture)
    key = uuid.uuid4()

    def click():
        return services.proposal_submit(actor=cso_member, proposal=draft, submission_key=key)

    results = _at_once(click, click)
    assert all(isinstance(result, Proposal) for result in results), results
    assert {result.reference for result in results} == {f"410004-{results[0].fiscal_year}-0001"}
    assert AuditEvent.objects.filter(action="proposals.submit").count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_officers_deciding_at_once_cannot_both_win(
    cso_member, desk_coordinator, department, department_officer, prefecture
):
    from kyoso.organizations.models import BodyMembership
    from kyoso.organizations.tests.factories import StaffMembershipFactory

    colleague = StaffMembershipFactory(
        body=prefecture, role=BodyMembership.Role.DEPARTMENT, department=department
    ).user
    proposal = walk(make_draft(cso_member, prefecture), Proposal.State.ROUTED,
                    proposer=cso_member, desk=desk_coordinator, departments=[department])
    assignment = proposal.assignments.get()

    def decide(officer, outcome):
        return lambda: services.decision_record(
            actor=officer, assignment=assignment, outcome=outcome,
            form="outsourcing" if outcome in Decision.ADOPTED else "",
            reasons="理由", expected_version=proposal.version,
        )

    results = _at_once(decide(department_officer, Decision.Outcome.ADOPT_THIS_YEAR),
                       decide(colleague, Decision.Outcome.NOT_ADOPTED))
    winners = [result for result in results if isinstance(result, Decision)]
    losers = [result for result in results if isinstance(result, services.ProposalTransitionError)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert Decision.objects.count() == 1
