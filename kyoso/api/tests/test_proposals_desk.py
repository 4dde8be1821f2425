"""The desk and the departments through the API: inbox, screening, routing, deciding,
countersigning, publishing, closing, meetings; each action through its service."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from kyoso.core.models import AuditEvent
from kyoso.proposals.models import Assignment, Decision, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

S = Proposal.State


@pytest.fixture
def desk(desk_coordinator, api_as):
    return api_as(desk_coordinator)


@pytest.fixture
def officer(department_officer, api_as):
    return api_as(department_officer)


def at(state, cso_member, prefecture, people, **fields):
    return walk(make_draft(cso_member, prefecture, **fields), state, **people)


@pytest.mark.django_db
def test_it_shows_the_desk_its_inbox_most_urgent_first(desk, cso_member, prefecture, people):
    later = at(S.SUBMITTED, cso_member, prefecture, people, title="後")
    sooner = at(S.SUBMITTED, cso_member, prefecture, people, title="先")
    Proposal.objects.filter(pk=sooner.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    make_draft(cso_member, prefecture, title="下書きは見えない")
    response = desk.get("/proposals/inbox")
    assert response.status_code == 200, response.content
    items = response.json()["results"]
    assert [item["title"] for item in items] == ["先", "後"]
    assert items[0]["clock"]["overdue"] and items[0]["clock"]["waiting_on"] == ["デスク"]
    assert later.reference in [item["reference"] for item in items]
    assert desk.get("/proposals/inbox", {"state": "routed"}).json()["count"] == 0


@pytest.mark.django_db
def test_it_refuses_an_inbox_to_those_not_on_a_desk(officer, api_as, cso_member):
    assert officer.get("/proposals/inbox").status_code == 403
    assert api_as(cso_member).get("/proposals/inbox").status_code == 403


@pytest.mark.django_db
def test_it_accepts_returns_and_closes_out_of_scope(desk, cso_member, prefecture, people):
    submitted = at(S.SUBMITTED, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{submitted.pk}/accept")
    assert response.status_code == 200 and response.json()["state"] == "screening"
    response = desk.post(f"/proposals/{submitted.pk}/return", {"comments": "予算を明記して"})
    assert response.status_code == 200 and response.json()["state"] == "returned"
    assert submitted.messages.get().text == "予算を明記して"
    other = at(S.SCREENING, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{other.pk}/out-of-scope", {"reason": "所管外です"})
    assert response.status_code == 200 and response.json()["state"] == "out_of_scope"
    assert AuditEvent.objects.for_target(other).filter(action="proposals.out_of_scope").exists()


@pytest.mark.django_db
def test_it_requires_the_reason_for_out_of_scope(desk, cso_member, prefecture, people):
    screening = at(S.SCREENING, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{screening.pk}/out-of-scope", {"reason": ""})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["reason"]


@pytest.mark.django_db
def test_it_forwards_to_a_municipality(desk, cso_member, prefecture, municipality, people):
    screening = at(S.SCREENING, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{screening.pk}/forward",
                         {"to_body": municipality.code, "reason": "市の事業です"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["proposal"]["state"] == "closed"
    assert body["forwarded_to_body"]["code"] == municipality.code
    assert Proposal.objects.get(reference=body["forwarded_to_reference"]).body == municipality


@pytest.mark.django_db
def test_it_routes_and_reassigns(desk, cso_member, prefecture, people, department,
                                 other_department):
    screening = at(S.SCREENING, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{screening.pk}/route",
                         {"departments": [department.pk], "due_days": 10})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "routed"
    assignment = screening.assignments.get()
    assert (assignment.due_at - timezone.now()).days in (9, 10)
    response = desk.post(
        f"/proposals/{screening.pk}/assignments/{assignment.pk}/reassign",
        {"department": other_department.pk, "reason": "所管が違う"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["department"]["id"] == other_department.pk
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.REASSIGNED


@pytest.mark.django_db
def test_it_refuses_to_route_to_another_bodys_department(desk, cso_member, prefecture, people,
                                                         other_body_officer):
    screening = at(S.SCREENING, cso_member, prefecture, people)
    foreign = other_body_officer.body_memberships.get().department
    response = desk.post(f"/proposals/{screening.pk}/route", {"departments": [foreign.pk]})
    assert response.status_code == 400
    assert "departments" in response.json()["errors"]


@pytest.mark.django_db
def test_it_shows_a_department_its_queue(officer, cso_member, prefecture, people):
    routed = at(S.ROUTED, cso_member, prefecture, people)
    response = officer.get("/proposals/assignments")
    assert response.status_code == 200, response.content
    [item] = response.json()["results"]
    assert item["proposal"]["reference"] == routed.reference
    assert item["days_left"] == 30 and item["decision"] is None
    assert officer.get("/proposals/assignments", {"answered": "true"}).json()["count"] == 0


@pytest.mark.django_db
def test_it_records_a_decision_and_the_desk_publishes_and_closes(
    officer, desk, cso_member, prefecture, people
):
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    response = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "adopt_this_year", "form": "co_hosting", "expected_version": consulting.version,
         "budget_reflected_yen": 1_000_000, "budget_fiscal_year": 2027},
    )
    assert response.status_code == 201, response.content
    assert response.json()["effective_at"]
    consulting.refresh_from_db()
    assert consulting.state == S.DECIDED
    response = desk.post(f"/proposals/{consulting.pk}/publish")
    assert response.status_code == 200 and response.json()["published_at"]
    response = desk.post(f"/proposals/{consulting.pk}/close", {"reason": "事業開始"})
    assert response.status_code == 200 and response.json()["state"] == "closed"


@pytest.mark.django_db
def test_it_refuses_a_decision_on_a_stale_version(officer, cso_member, prefecture, people):
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    response = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "reasons": "予算がない",
         "expected_version": consulting.version - 1},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    assert response.json()["current_version"] == consulting.version
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_it_requires_reasons_unless_adopted(officer, cso_member, prefecture, people):
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    response = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "expected_version": consulting.version},
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["reasons"]


@pytest.mark.django_db
def test_it_countersigns_a_non_adoption_under_the_principle_of_yes(
    officer, desk, cso_member, prefecture, people
):
    prefecture.principle_of_yes = True
    prefecture.save()
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    decided = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "reasons": "予算がない", "expected_version": consulting.version},
    ).json()
    assert decided["needs_countersignature"] and decided["effective_at"] is None
    detail = desk.get(f"/proposals/{consulting.pk}").json()
    assert "countersign" in detail["assignments"][0]["allowed_actions"]
    response = desk.post(f"/proposals/{consulting.pk}/decisions/{decided['id']}/countersign")
    assert response.status_code == 200, response.content
    assert response.json()["effective_at"]
    consulting.refresh_from_db()
    assert consulting.state == S.DECIDED


@pytest.mark.django_db
def test_it_records_a_meeting(desk, cso_member, prefecture, people):
    routed = at(S.ROUTED, cso_member, prefecture, people)
    response = desk.post(f"/proposals/{routed.pk}/meetings", {
        "held_at": f"{timezone.localdate():%Y-%m-%d}T10:00:00+09:00", "place": "県庁 会議室",
        "attendees": "提案者、デスク、こども家庭課", "minutes": "次回までに資料",
    })
    assert response.status_code == 201, response.content
    routed.refresh_from_db()
    assert routed.state == S.IN_CONSULTATION
    meetings = desk.get(f"/proposals/{routed.pk}/meetings").json()
    assert [m["place"] for m in meetings] == ["県庁 会議室"]


@pytest.mark.django_db
def test_it_refuses_to_countersign_and_the_department_decides_again(
    officer, desk, cso_member, prefecture, people
):
    prefecture.principle_of_yes = True
    prefecture.save()
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    decided = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "reasons": "予算がない", "expected_version": consulting.version},
    ).json()
    url = f"/proposals/{consulting.pk}/decisions/{decided['id']}/refuse-countersignature"
    assert desk.post(url, {"reason": ""}).status_code == 400
    assert officer.post(url, {"reason": "再検討を"}).status_code == 403
    response = desk.post(url, {"reason": "協働の余地がないか再検討を"})
    assert response.status_code == 200, response.content
    assert response.json()["superseded_at"] and response.json()["countersign_refusal"]
    assignment.refresh_from_db()
    assert assignment.state == Assignment.State.OPEN
    consulting.refresh_from_db()
    again = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "adopt_later_year", "form": "cooperation",
         "expected_version": consulting.version},
    )
    assert again.status_code == 201, again.content


@pytest.mark.django_db
def test_it_publishes_the_reasons_as_the_desk_reviewed_them(
    officer, desk, client, cso_member, prefecture, people
):
    consulting = at(S.IN_CONSULTATION, cso_member, prefecture, people)
    assignment = consulting.assignments.get()
    decided = officer.post(
        f"/proposals/{consulting.pk}/assignments/{assignment.pk}/decision",
        {"outcome": "not_adopted", "reasons": "担当者山田の判断で予算がない",
         "expected_version": consulting.version},
    ).json()
    response = desk.post(f"/proposals/{consulting.pk}/publish",
                         {"public_reasons": {str(decided["id"]): "予算がないため"}})
    assert response.status_code == 200, response.content
    result = client.get(f"/api/v1/proposals/results/{consulting.pk}").json()
    assert result["decisions"][0]["reasons"] == "予算がないため"
    assert "山田" not in json.dumps(result, ensure_ascii=False)
