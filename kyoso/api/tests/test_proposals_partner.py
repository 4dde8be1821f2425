"""The proposer's side through the API: draft, partners, submit, follow, revise, withdraw.

Every write goes through the proposal services, so the audit trail shows it as for the pages.
"""

import uuid

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.models import AuditEvent
from kyoso.organizations.models import OrganizationMembership
from kyoso.organizations.tests.factories import OrganizationFactory, OrganizationMembershipFactory
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import COMPLETE, make_draft, organization_of, walk

S = Proposal.State
SECTIONS = {k: v for k, v in COMPLETE.items() if k != "is_new_project"}


@pytest.fixture
def proposer(cso_member, api_as):
    return api_as(cso_member)


def new_draft(proposer, user, **extra):
    data = {"body": "410004", "organization": organization_of(user).pk, "title": "空き家の活用",
            **extra}
    return proposer.post("/proposals", data)


@pytest.mark.django_db
def test_it_starts_a_draft_on_a_catalog_project(proposer, cso_member, child_support_project):
    response = new_draft(proposer, cso_member, target_projects=[child_support_project.pk])
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "draft" and body["reference"] == ""
    proposal = Proposal.objects.get(pk=body["id"])
    assert list(proposal.target_projects.all()) == [child_support_project]
    assert proposal.author == cso_member
    assert AuditEvent.objects.for_target(proposal).filter(action="proposals.create_draft").exists()


@pytest.mark.django_db
def test_it_starts_a_draft_for_a_new_project(proposer, cso_member, prefecture):
    response = new_draft(proposer, cso_member, is_new_project=True, kind="themed",
                         confidential_sections=["content"])
    assert response.status_code == 201, response.content
    proposal = Proposal.objects.get(pk=response.json()["id"])
    assert proposal.is_new_project and proposal.kind == "themed"
    assert proposal.confidential_sections == ["content"]


@pytest.mark.django_db
def test_it_refuses_a_project_of_another_body(proposer, cso_member, prefecture, other_prefecture):
    foreign = CatalogProjectFactory(department__body=other_prefecture)
    response = new_draft(proposer, cso_member, target_projects=[foreign.pk])
    assert response.status_code == 400
    assert "target_projects" in response.json()["errors"]
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_it_refuses_to_start_a_draft_for_an_organization_one_is_not_in(
    api_as, outsider, cso_member, prefecture
):
    response = new_draft(api_as(outsider), cso_member)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.django_db
def test_it_saves_only_the_fields_sent(proposer, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture, title="最初の題", budget_yen=100)
    response = proposer.patch(f"/proposals/{draft.pk}", {"title": "新しい題"})
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.title == "新しい題" and draft.budget_yen == 100
    assert response.json()["version"] == draft.version


@pytest.mark.django_db
def test_it_adds_a_partner_who_must_agree(proposer, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture)
    partner = OrganizationFactory()
    response = proposer.post(
        f"/proposals/{draft.pk}/partners", {"organization": partner.pk, "role": "co_proposer"}
    )
    assert response.status_code == 201, response.content
    assert response.json()["consented_at"] is None
    assert draft.partner_links.get().organization == partner


@pytest.mark.django_db
def test_it_submits_once_per_key(proposer, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture)
    key = str(uuid.uuid4())
    first = proposer.post(f"/proposals/{draft.pk}/submit", {"submission_key": key})
    again = proposer.post(f"/proposals/{draft.pk}/submit", {"submission_key": key})
    assert first.status_code == again.status_code == 200, again.content
    year = first.json()["fiscal_year"]
    assert first.json()["reference"] == again.json()["reference"] == f"410004-{year}-0001"
    assert first.json()["clock"]["due_at"]
    assert AuditEvent.objects.filter(action="proposals.submit").count() == 1
    # A second submission with a new key is a move the state no longer allows.
    other = proposer.post(f"/proposals/{draft.pk}/submit", {"submission_key": str(uuid.uuid4())})
    assert other.status_code == 409
    assert other.json()["code"] == "invalid_transition"


@pytest.mark.django_db
def test_it_says_which_sections_stop_a_submission(proposer, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture, background="", collaboration_form="")
    response = proposer.post(f"/proposals/{draft.pk}/submit",
                             {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 400
    assert {"background", "collaboration_form"} <= set(response.json()["errors"])
    draft.refresh_from_db()
    assert draft.state == S.DRAFT


@pytest.mark.django_db
def test_it_lists_my_proposals_with_their_clock(proposer, cso_member, people, prefecture):
    make_draft(cso_member, prefecture, title="下書き")
    walk(make_draft(cso_member, prefecture, title="審査中"), S.ROUTED, **people)
    stranger = OrganizationMembershipFactory(role=OrganizationMembership.Role.ADMIN).user
    make_draft(stranger, prefecture, title="よその提案")
    response = proposer.get("/proposals/mine")
    assert response.status_code == 200
    results = {item["title"]: item for item in response.json()["results"]}
    assert set(results) == {"下書き", "審査中"}
    routed = results["審査中"]
    assert routed["state"] == "routed" and routed["reference"]
    assert routed["clock"]["waiting_on"] == ["こども家庭課"]
    assert routed["clock"]["days_left"] == 30
    assert set(response.json()) == {"count", "count_exact", "next", "previous", "results"}
    assert proposer.get("/proposals/mine", {"state": "draft"}).json()["count"] == 1


@pytest.mark.django_db
def test_it_shows_my_proposal_with_its_sections_and_what_i_may_do(
    proposer, cso_member, prefecture
):
    draft = make_draft(cso_member, prefecture, confidential_sections=["content"])
    response = proposer.get(f"/proposals/{draft.pk}")
    assert response.status_code == 200
    body = response.json()
    sections = {section["name"]: section for section in body["sections"]}
    assert sections["content"]["text"] == COMPLETE["content"]
    assert sections["content"]["confidential"] and not sections["content"]["hidden"]
    assert {"update", "submit", "withdraw", "add_partner", "release_confidential"} <= set(
        body["allowed_actions"]
    )


@pytest.fixture
def consulting(cso_member, prefecture, people):
    return walk(make_draft(cso_member, prefecture), S.IN_CONSULTATION, **people)


@pytest.mark.django_db
def test_it_revises_with_the_version_seen(proposer, consulting):
    response = proposer.post(f"/proposals/{consulting.pk}/revise", {
        "expected_version": consulting.version, "note": "予算を見直しました",
        "budget_yen": 500_000,
    })
    assert response.status_code == 200, response.content
    consulting.refresh_from_db()
    assert consulting.budget_yen == 500_000
    revisions = proposer.get(f"/proposals/{consulting.pk}/revisions").json()
    assert [r["number"] for r in revisions] == [1, 2]
    assert revisions[1]["changed_fields"] == ["budget_yen"]
    assert revisions[1]["note"] == "予算を見直しました"


@pytest.mark.django_db
def test_it_refuses_a_revision_of_a_stale_version(proposer, consulting):
    response = proposer.post(f"/proposals/{consulting.pk}/revise", {
        "expected_version": consulting.version - 1, "budget_yen": 1,
    })
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    assert response.json()["current_version"] == consulting.version
    consulting.refresh_from_db()
    assert consulting.budget_yen is None


@pytest.mark.django_db
def test_it_withdraws(proposer, consulting):
    response = proposer.post(f"/proposals/{consulting.pk}/withdraw", {"reason": "体制が整わない"})
    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"
    assert consulting.assignments.get().state == "cancelled"


@pytest.mark.django_db
def test_it_releases_the_protected_sections(proposer, cso_member, prefecture):
    draft = make_draft(cso_member, prefecture, confidential_sections=["content"])
    response = proposer.post(f"/proposals/{draft.pk}/release-confidential")
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.released_at is not None
    assert AuditEvent.objects.for_target(draft).filter(
        action="proposals.confidential.release"
    ).exists()


@pytest.mark.django_db
def test_it_reads_and_writes_the_thread(proposer, consulting):
    response = proposer.post(f"/proposals/{consulting.pk}/messages", {"text": "資料を送ります"})
    assert response.status_code == 201, response.content
    assert response.json()["side"] == "proposer"
    thread = proposer.get(f"/proposals/{consulting.pk}/messages").json()
    assert [m["text"] for m in thread] == ["協議を始めます", "資料を送ります"]
    assert thread[0]["side"] == "desk"


@pytest.mark.django_db
def test_it_refuses_an_empty_message_by_field(proposer, consulting):
    response = proposer.post(f"/proposals/{consulting.pk}/messages", {"text": "  "})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["text"]


@pytest.mark.django_db
@pytest.mark.parametrize("amount", [10**30, 2**63, 10**15 + 1])
def test_it_refuses_an_amount_beyond_any_budget(proposer, cso_member, prefecture, amount):
    assert new_draft(proposer, cso_member, budget_yen=amount).status_code == 422
    draft = make_draft(cso_member, prefecture, budget_yen=100)
    response = proposer.patch(f"/proposals/{draft.pk}", {"budget_yen": amount})
    assert response.status_code == 422, response.content
    draft.refresh_from_db()
    assert draft.budget_yen == 100
