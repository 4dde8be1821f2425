"""Every step of a proposal tells the people it concerns, and only them, after commit."""

import pytest
from django.core import mail

from kyoso.core.choices import CollaborationForm
from kyoso.notifications.models import Notice
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal

from .factories import make_draft, submit, walk

S = Proposal.State
SECRET = "誰にも言えない秘密のアイデア"


def told(kind):
    return set(Notice.objects.filter(kind=kind).values_list("recipient_id", flat=True))


@pytest.fixture
def routed(people, prefecture):
    proposal = make_draft(people["proposer"], prefecture, content=SECRET,
                          confidential_sections=["content"])
    return walk(proposal, S.ROUTED, proposer=people["proposer"], desk=people["desk"],
                departments=people["departments"])


def test_a_submission_tells_the_desk_and_gives_the_proposer_a_receipt(
    cso_member, desk_coordinator, department_officer, prefecture,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = submit(make_draft(cso_member, prefecture), cso_member)
    assert told("proposals.arrived") == {desk_coordinator.pk}
    assert told("proposals.received") == {cso_member.pk}
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert proposal.reference in subjects[desk_coordinator.email]
    assert department_officer.email not in subjects


def test_routing_tells_the_departments_once_and_the_proposer(
    routed, people, other_department, other_department_officer, department_officer
):
    assert told("proposals.assigned") == {department_officer.pk}
    assert told("proposals.routed") == {people["proposer"].pk}
    routed.refresh_from_db()
    services.proposal_route(actor=people["desk"], proposal=routed,
                            departments=[other_department])
    assert told("proposals.assigned") == {department_officer.pk, other_department_officer.pk}
    assert Notice.objects.filter(kind="proposals.assigned").count() == 2


def test_a_message_tells_everyone_on_the_proposal_but_its_author(
    routed, people, department_officer, desk_coordinator, other_department_officer
):
    services.message_post(actor=people["proposer"], proposal=routed, text=SECRET)
    assert told("proposals.message") == {department_officer.pk, desk_coordinator.pk}


def test_a_non_adoption_under_the_principle_of_yes_asks_the_desk_to_countersign(
    routed, people, prefecture, desk_coordinator, department_officer
):
    prefecture.principle_of_yes = True
    prefecture.save()
    routed.refresh_from_db()
    services.decision_record(
        actor=department_officer, assignment=routed.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons="予算がない",
        expected_version=routed.version,
    )
    assert told("proposals.countersign_needed") == {desk_coordinator.pk}
    assert not told("proposals.decided")


def test_a_decision_tells_the_proposer_and_the_desk_then_publishing_tells_the_proposer(
    routed, people, desk_coordinator, department_officer
):
    services.decision_record(
        actor=department_officer, assignment=routed.assignments.get(),
        outcome=Decision.Outcome.ADOPT_THIS_YEAR, form=CollaborationForm.CO_HOSTING,
        expected_version=routed.version,
    )
    assert told("proposals.decided") == {people["proposer"].pk}
    assert told("proposals.ready_to_publish") == {desk_coordinator.pk}
    routed.refresh_from_db()
    services.proposal_publish(actor=desk_coordinator, proposal=routed)
    assert told("proposals.published") == {people["proposer"].pk}


def test_returning_tells_the_proposer(people, prefecture):
    proposal = walk(make_draft(people["proposer"], prefecture), S.RETURNED,
                    proposer=people["proposer"], desk=people["desk"])
    assert proposal.state == S.RETURNED
    assert told("proposals.returned") == {people["proposer"].pk}


def test_no_notice_or_email_carries_the_text_of_a_section_or_a_message(
    routed, people, department_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.message_post(actor=department_officer, proposal=routed, text=SECRET)
        routed.refresh_from_db()
        services.proposal_revise(actor=people["proposer"], proposal=routed,
                                 content=SECRET + "(改訂)",
                                 expected_version=routed.version)
    assert mail.outbox
    for message in mail.outbox:
        assert SECRET not in message.subject and SECRET not in message.body
    for notice in Notice.objects.all():
        assert SECRET not in str(notice.params)


def test_other_bodies_staff_and_outsiders_are_never_told(
    routed, people, other_body_officer, other_body_admin, outsider
):
    services.message_post(actor=people["proposer"], proposal=routed, text="質問です")
    strangers = {other_body_officer.pk, other_body_admin.pk, outsider.pk}
    assert not strangers & set(Notice.objects.values_list("recipient_id", flat=True))


def test_names_and_outcomes_are_worded_in_each_readers_language(
    routed, people, department, desk_coordinator, department_officer,
    django_capture_on_commit_callbacks,
):
    department.name_en = "Child and Family Division"
    department.save()
    desk_coordinator.language = "en"
    desk_coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            actor=department_officer, assignment=routed.assignments.get(),
            outcome=Decision.Outcome.ADOPT_THIS_YEAR, form=CollaborationForm.CO_HOSTING,
            expected_version=routed.version,
        )
    english = next(m for m in mail.outbox if m.to == [desk_coordinator.email]
                   and "decided on proposal" in m.subject)
    assert "Child and Family Division" in english.subject
    assert "Adopted (this fiscal year)" in english.body
    assert department.name not in english.body


def test_a_forwarded_proposal_names_the_body_it_went_to(
    people, prefecture, municipality, desk_coordinator
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.SCREENING,
                    proposer=people["proposer"], desk=desk_coordinator)
    services.proposal_forward(actor=desk_coordinator, proposal=proposal, to_body=municipality,
                              reason="市の事業のため")
    notice = Notice.objects.get(kind="proposals.forwarded")
    assert notice.params["to_body"] == municipality.name
    assert notice.params["to_body_en"] == municipality.name_en
