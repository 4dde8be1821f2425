"""After submitting, the proposer follows the proposal on its page: the departments' decisions
once they take effect, the meetings, and the thread with the desk (read, and reply while the
proposal is being discussed)."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from kyoso.core.models import AuditEvent
from kyoso.proposals import services
from kyoso.proposals.models import Decision, Message, Proposal

from .factories import make_draft, walk
from .partner_pages import signed_in, url

S = Proposal.State


def _page(client, proposal, language="ja"):
    response = client.get(url("task_list", proposal.pk, language=language))
    assert response.status_code == 200
    return response.content.decode()


def _not_adopting(people, prefecture, reasons="財源の確保が難しいため"):
    """A proposal in consultation whose department does not adopt it, under the principle of
    saying yes: the decision waits for the desk's countersignature."""
    prefecture.principle_of_yes = True
    prefecture.save()
    proposal = walk(make_draft(people["proposer"], prefecture), S.IN_CONSULTATION, **people)
    decision = services.decision_record(
        actor=people["officer"], assignment=proposal.assignments.get(),
        outcome=Decision.Outcome.NOT_ADOPTED, reasons=reasons,
        expected_version=proposal.version,
    )
    return proposal, decision


@pytest.mark.parametrize(
    ("language", "outcome", "form", "department_name"),
    [
        ("ja", "採択（今年度実施）", "委託", "こども家庭課"),
        ("en", "Adopted (this fiscal year)", "Outsourcing", "Children and Families Division"),
    ],
)
def test_a_decided_proposal_shows_each_departments_decision(
    client, people, prefecture, language, outcome, form, department_name
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.DECIDED, **people)
    decision = Decision.objects.get(assignment__proposal=proposal)
    html = _page(signed_in(client, people["proposer"]), proposal, language)
    assert outcome in html and form in html and department_name in html
    assert timezone.localtime(decision.effective_at).strftime("%Y-%m-%d") in html
    if language == "en":
        assert "Decisions of the departments" in html


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_non_adoption_shows_only_once_countersigned_with_its_reasons(
    client, people, prefecture, language
):
    proposal, decision = _not_adopting(people, prefecture)
    client = signed_in(client, people["proposer"])
    assert "財源の確保が難しいため" not in _page(client, proposal, language)
    services.decision_countersign(actor=people["desk"], decision=decision)
    html = _page(client, proposal, language)
    assert "財源の確保が難しいため" in html
    assert ("不採択" if language == "ja" else "Not adopted") in html


def test_a_decision_sent_back_by_the_desk_never_shows_nor_does_the_desks_note(
    client, people, prefecture
):
    proposal, decision = _not_adopting(people, prefecture, reasons="差し戻される理由")
    services.decision_countersign_refuse(
        actor=people["desk"], decision=decision, reason="内部メモ：補助金を確認"
    )
    html = _page(signed_in(client, people["proposer"]), proposal)
    assert "差し戻される理由" not in html and "内部メモ" not in html


@pytest.mark.parametrize(("language", "meetings"), [("ja", "協議の記録"), ("en", "Meetings")])
def test_it_shows_the_meetings(client, people, prefecture, language, meetings):
    proposal = walk(make_draft(people["proposer"], prefecture), S.IN_CONSULTATION, **people)
    services.meeting_record(
        actor=people["desk"], proposal=proposal, held_at=timezone.now() - dt.timedelta(days=1),
        place="県庁会議室", attendees="提案団体、こども家庭課", minutes="次回までに予算案を用意",
    )
    html = _page(signed_in(client, people["proposer"]), proposal, language)
    assert meetings in html and "県庁会議室" in html and "次回までに予算案を用意" in html


@pytest.mark.parametrize(
    ("state", "language", "heading"),
    [
        (S.SUBMITTED, "ja", "メッセージ"),
        (S.IN_CONSULTATION, "en", "Messages"),
        (S.DECIDED, "ja", "メッセージ"),
        (S.DECIDED, "en", "Messages"),
    ],
)
def test_it_shows_the_thread_in_every_state_after_submission(
    client, people, prefecture, state, language, heading
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.SUBMITTED, **people)
    services.message_post(actor=people["desk"], proposal=proposal, text="予算の内訳を教えて")
    proposal = walk(proposal, state, **people)
    html = _page(signed_in(client, people["proposer"]), proposal, language)
    assert heading in html and "予算の内訳を教えて" in html


def test_a_draft_has_no_thread(client, people, prefecture):
    proposal = make_draft(people["proposer"], prefecture)
    html = _page(signed_in(client, people["proposer"]), proposal, "en")
    assert 'id="thread-heading"' not in html


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_proposer_replies_in_the_thread_and_a_repeat_adds_nothing(
    client, people, prefecture, language
):
    proposal = walk(make_draft(people["proposer"], prefecture), S.ROUTED, **people)
    client = signed_in(client, people["proposer"])
    assert 'action="{}"'.format(url("message", proposal.pk, language=language)) in _page(
        client, proposal, language
    )
    data = {"text": "面談の日程を相談させてください", "submission_key": str(uuid.uuid4())}
    first = client.post(url("message", proposal.pk, language=language), data)
    again = client.post(url("message", proposal.pk, language=language), data)
    assert first.status_code == again.status_code == 302
    message = Message.objects.get(proposal=proposal)
    assert message.side == Message.Side.PROPOSER and message.author == people["proposer"]
    audited = AuditEvent.objects.filter(action="proposals.message", actor=people["proposer"])
    assert audited.count() == 1
    proposal.refresh_from_db()
    assert proposal.state == S.IN_CONSULTATION  # the first exchange after routing
    assert "面談の日程を相談させてください" in _page(client, proposal, language)


@pytest.mark.parametrize(
    ("language", "error"), [("ja", "メッセージを入力してください。"), ("en", "Write a message.")]
)
def test_an_empty_message_is_refused_on_its_own_page(client, people, prefecture, language, error):
    proposal = walk(make_draft(people["proposer"], prefecture), S.SUBMITTED, **people)
    response = signed_in(client, people["proposer"]).post(
        url("message", proposal.pk, language=language),
        {"text": "  ", "submission_key": str(uuid.uuid4())},
    )
    assert response.status_code == 400 and error in response.content.decode()
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("language", "closed"),
    [("en", "The thread is closed"), ("ja", "メッセージ")],
)
def test_after_the_decision_the_thread_is_read_only(client, people, prefecture, language, closed):
    proposal = walk(make_draft(people["proposer"], prefecture), S.DECIDED, **people)
    client = signed_in(client, people["proposer"])
    html = _page(client, proposal, language)
    assert closed in html and 'name="text"' not in html
    response = client.post(url("message", proposal.pk), {
        "text": "まだ書けますか", "submission_key": str(uuid.uuid4()),
    })
    assert response.url == url("task_list", proposal.pk)
    assert not Message.objects.filter(text="まだ書けますか").exists()


def test_nobody_outside_the_proposal_reads_or_writes_its_thread(client, people, prefecture,
                                                                outsider):
    proposal = walk(make_draft(people["proposer"], prefecture), S.IN_CONSULTATION, **people)
    client = signed_in(client, outsider)
    assert client.get(url("task_list", proposal.pk)).status_code == 404
    response = client.post(url("message", proposal.pk), {
        "text": "割り込み", "submission_key": str(uuid.uuid4()),
    })
    assert response.status_code == 404
    assert not Message.objects.filter(text="割り込み").exists()
