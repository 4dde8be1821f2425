"""The "routed" notice gives the departments' answer date; the "withdrawn" notice sends each
reader to a page they can still open."""

from django.utils import formats, timezone, translation

from kyoso.notifications.models import Notice
from kyoso.proposals import services
from kyoso.proposals.models import Proposal

from .desk_pages import at_state

S = Proposal.State


def test_the_proposer_hears_when_the_departments_answer_not_the_desks_own_date(
    people, other_department
):
    proposal = at_state(S.SCREENING, people)
    services.proposal_route(actor=people["desk"], proposal=proposal,
                            departments=people["departments"], due_days=60)
    assignment = proposal.assignments.get()
    notice = Notice.objects.get(kind="proposals.routed", recipient=people["proposer"])
    answer_day = timezone.localtime(assignment.due_at).date()
    assert answer_day != timezone.localtime(proposal.due_at).date()
    assert notice.params["due"] == answer_day.isoformat()
    for language in ("ja", "en"):
        with translation.override(language):
            assert formats.date_format(answer_day) in notice.text()


def test_routing_again_gives_the_date_of_the_departments_just_added(
    people, other_department
):
    proposal = at_state(S.ROUTED, people)  # the body's 30 days
    services.proposal_route(actor=people["desk"], proposal=proposal,
                            departments=[other_department], due_days=90)
    added = proposal.assignments.get(department=other_department)
    latest = Notice.objects.filter(kind="proposals.routed").order_by("-pk").first()
    assert latest.params["due"] == timezone.localtime(added.due_at).date().isoformat()


def test_after_a_withdrawal_each_reader_is_sent_to_a_page_they_can_open(
    client, people, desk_coordinator, department_officer
):
    proposal = at_state(S.IN_CONSULTATION, people)
    services.proposal_withdraw(actor=people["proposer"], proposal=proposal)
    for person in (desk_coordinator, department_officer):
        notice = Notice.objects.get(kind="proposals.withdrawn", recipient=person)
        client.force_login(person)
        for prefix in ("", "/en"):
            response = client.get(prefix + notice.url)
            assert response.status_code == 200, (person, notice.url)
        if person == department_officer:
            assert notice.url == "/desk/assignments/"
        else:
            assert notice.url == f"/desk/proposals/{proposal.pk}/"
