"""The desk and department pages of the collaboration desk, in Japanese and in English, have no
WCAG 2.1 A/AA violation that axe-core can find: the inbox, the queue, the workspace as the desk
and as a department, each action's form (with errors where a person can make them), and the
decision form that shows what changed since it was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from kyoso.proposals import services
from kyoso.proposals.models import Decision, Proposal
from kyoso.proposals.tests.factories import make_draft, walk

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

S = Proposal.State


@dataclass(frozen=True)
class Screen:
    path: Callable[[dict], str]
    user: str  # "desk" or "officer"
    action: Callable | None = None


def submit(page):
    form = page.locator("main form[method=post]").last
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()
    assert page.locator(".error-summary").is_visible()


def submit_stale_decision(page):
    form = page.locator("main form[method=post]")
    form.locator("input[name=outcome][value=taken_as_opinion]").check()
    form.locator("textarea[name=reasons]").fill("来年度の検討材料とします")
    # Meanwhile the desk routes the proposal to one more department: the form is now stale.
    services.proposal_route(
        actor=STATE["desk"], proposal=Proposal.objects.get(title="協議中の提案"),
        departments=[STATE["tourism"]],
    )
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".changed").is_visible()


STATE: dict = {}

SCREENS = {
    "inbox": Screen(lambda w: "/desk/", "desk"),
    "inbox_filtered": Screen(lambda w: "/desk/?state=routed", "desk"),
    "queue": Screen(lambda w: "/desk/assignments/", "officer"),
    "queue_answered": Screen(lambda w: "/desk/assignments/?show=answered", "officer"),
    "workspace_submitted_desk": Screen(lambda w: f"/desk/proposals/{w['submitted'].pk}/", "desk"),
    "workspace_consultation_desk": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/", "desk"
    ),
    "workspace_consultation_officer": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/", "officer"
    ),
    "workspace_decided_desk": Screen(lambda w: f"/desk/proposals/{w['decided'].pk}/", "desk"),
    "return_errors": Screen(
        lambda w: f"/desk/proposals/{w['submitted'].pk}/return/", "desk", action=submit
    ),
    "out_of_scope": Screen(lambda w: f"/desk/proposals/{w['submitted'].pk}/out-of-scope/", "desk"),
    "forward_errors": Screen(
        lambda w: f"/desk/proposals/{w['submitted'].pk}/forward/", "desk", action=submit
    ),
    "route": Screen(lambda w: f"/desk/proposals/{w['screening'].pk}/route/", "desk"),
    "route_errors": Screen(
        lambda w: f"/desk/proposals/{w['screening'].pk}/route/", "desk", action=submit
    ),
    "reassign": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/assignments/"
        f"{w['consulting'].assignments.get().pk}/reassign/", "desk",
    ),
    "publish_confirm": Screen(lambda w: f"/desk/proposals/{w['decided'].pk}/publish/", "desk"),
    "publish_review_errors": Screen(
        lambda w: f"/desk/proposals/{w['not_adopted'].pk}/publish/", "desk", action=submit
    ),
    "countersign_refuse": Screen(
        lambda w: f"/desk/proposals/{w['waiting'].pk}/decisions/{w['waiting_decision'].pk}"
        "/countersign/refuse/", "desk",
    ),
    "countersign_refuse_errors": Screen(
        lambda w: f"/desk/proposals/{w['waiting'].pk}/decisions/{w['waiting_decision'].pk}"
        "/countersign/refuse/", "desk", action=submit,
    ),
    "revision_full_text": Screen(
        lambda w: f"/proposals/{w['consulting'].pk}/revisions/1/", "officer"
    ),
    "meeting_errors": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/meetings/", "officer", action=submit
    ),
    "decide": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/assignments/"
        f"{w['consulting'].assignments.get().pk}/decide/", "officer",
    ),
    "decide_errors": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/assignments/"
        f"{w['consulting'].assignments.get().pk}/decide/", "officer", action=submit,
    ),
    "decide_stale": Screen(
        lambda w: f"/desk/proposals/{w['consulting'].pk}/assignments/"
        f"{w['consulting'].assignments.get().pk}/decide/", "officer",
        action=submit_stale_decision,
    ),
}


@pytest.fixture
def proposals(
    prefecture, municipality, department, other_department, cso_member, desk_coordinator,
    department_officer,
):
    people = dict(proposer=cso_member, desk=desk_coordinator, departments=[department],
                  officer=department_officer)
    STATE.update(tourism=other_department, desk=desk_coordinator)

    def at(state, title):
        return walk(make_draft(cso_member, prefecture, title=title), state, **people)

    world = {
        "submitted": at(S.SUBMITTED, "受付前の提案"),
        "screening": at(S.SCREENING, "審査中の提案"),
        "consulting": at(S.IN_CONSULTATION, "協議中の提案"),
        "decided": at(S.DECIDED, "決定済みの提案"),
    }
    # Under the principle of saying yes: one non-adoption waits for the desk, one is signed.
    prefecture.principle_of_yes = True
    prefecture.save()
    for key, title in (("waiting", "確認待ちの提案"), ("not_adopted", "不採用の提案")):
        proposal = at(S.IN_CONSULTATION, title)
        decision = services.decision_record(
            actor=department_officer, assignment=proposal.assignments.get(),
            outcome=Decision.Outcome.NOT_ADOPTED, reasons="財源の見通しが立たないため",
            expected_version=proposal.version,
        )
        if key == "not_adopted":
            services.decision_countersign(actor=desk_coordinator, decision=decision)
        world[key], world[f"{key}_decision"] = proposal, decision
    return world


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_it_has_no_wcag_violations(
    name, language, proposals, desk_coordinator, department_officer, page, sign_in, axe_check
):
    screen = SCREENS[name]
    prefix = "" if language == "ja" else "/en"
    path = prefix + screen.path(proposals)
    sign_in(desk_coordinator if screen.user == "desk" else department_officer)
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    if screen.action:
        screen.action(page)
    assert path_of(page) == path.split("?")[0], f"landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)


def test_it_shows_a_decision_recorded_through_the_form(
    proposals, department_officer, page, sign_in
):
    """The decision form works without JavaScript in a real browser, and the result shows."""
    sign_in(department_officer)
    consulting = proposals["consulting"]
    page.goto(f"/en/desk/proposals/{consulting.pk}/assignments/"
              f"{consulting.assignments.get().pk}/decide/")
    form = page.locator("main form[method=post]")
    form.locator("input[name=outcome][value=adopt_this_year]").check()
    form.locator("select[name=form]").select_option("outsourcing")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert path_of(page) == f"/en/desk/proposals/{consulting.pk}/"
    assert Decision.objects.filter(assignment__proposal=consulting).exists()
