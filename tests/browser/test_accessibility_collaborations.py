"""Every page of collaborations, their budget and the case library, in Japanese and in English,
has no WCAG 2.1 A/AA violation that axe-core can find — forms also after a mistake."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from kyoso.cases import services as case_services
from kyoso.collaborations import services
from kyoso.collaborations.models import Collaboration
from kyoso.collaborations.tests.factories import (
    RATINGS,
    adopted_proposal,
    at_state,
    collaboration_from,
    with_visitors,
)
from kyoso.proposals.models import Decision

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = Collaboration.State


@dataclass(frozen=True)
class Screen:
    path: Callable[[dict], str]
    user: str | None  # "desk", "officer", "partner" or None (the public)
    action: Callable | None = None


def submit(page):
    form = page.locator("main form[method=post]").last
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()
    assert page.locator(".error-summary").is_visible()


def c(name, rest=""):
    return lambda w: f"/collaborations/{w[name].pk}/{rest}"


SCREENS = {
    "list": Screen(lambda w: "/collaborations/", None),
    "list_filtered": Screen(lambda w: "/collaborations/?q=窓口&field=community", None),
    "detail": Screen(c("published"), None),
    "mine_partner": Screen(lambda w: "/collaborations/mine/", "partner"),
    "mine_desk": Screen(lambda w: "/collaborations/mine/", "desk"),
    "new_from_proposal": Screen(lambda w: f"/collaborations/new/?proposal={w['adopted'].pk}",
                                "officer"),
    "new_errors": Screen(lambda w: f"/collaborations/new/?proposal={w['adopted'].pk}",
                         "officer", action=submit),
    "edit": Screen(c("running", "edit/"), "officer"),
    "workspace_officer": Screen(c("running", "work/"), "officer"),
    "workspace_partner": Screen(c("running", "work/"), "partner"),
    "workspace_desk_published": Screen(c("published", "work/"), "desk"),
    "suspend_errors": Screen(c("running", "suspend/"), "officer", action=submit),
    "finish": Screen(c("running", "finish/"), "officer"),
    "milestone_errors": Screen(c("running", "milestone/"), "officer", action=submit),
    "milestone_done": Screen(lambda w: f"/collaborations/{w['running'].pk}/milestones/"
                             f"{w['running'].milestones.get().pk}/done/", "officer"),
    "milestone_edit": Screen(lambda w: f"/collaborations/{w['running'].pk}/milestones/"
                             f"{w['running'].milestones.get().pk}/edit/", "officer"),
    "milestone_remove": Screen(lambda w: f"/collaborations/{w['running'].pk}/milestones/"
                               f"{w['running'].milestones.get().pk}/remove/", "officer"),
    "indicator_edit": Screen(lambda w: f"/collaborations/{w['running'].pk}/indicators/"
                             f"{w['running'].indicators.get().pk}/edit/", "officer"),
    "contact_errors": Screen(c("running", "contact/"), "partner", action=submit),
    "indicator": Screen(c("running", "indicator/"), "officer"),
    "actual": Screen(lambda w: f"/collaborations/{w['running'].pk}/indicators/"
                     f"{w['running'].indicators.get().pk}/actual/", "officer"),
    "request_report": Screen(c("running", "request-report/"), "officer"),
    "activity_errors": Screen(c("running", "activity/"), "partner", action=submit),
    "evaluation_start": Screen(c("running", "evaluation/"), "officer"),
    "report_partner_errors": Screen(lambda w: f"/collaborations/{w['running'].pk}/reports/"
                                    f"{w['requested'].pk}/", "partner", action=submit),
    "report_review": Screen(lambda w: f"/collaborations/{w['running'].pk}/reports/"
                            f"{w['submitted'].pk}/", "officer"),
    "evaluation_side_errors": Screen(lambda w: f"/collaborations/{w['running'].pk}/evaluations/"
                                     f"{w['evaluation'].pk}/", "partner", action=submit),
    "evaluation_final": Screen(lambda w: f"/collaborations/{w['published'].pk}/evaluations/"
                               f"{w['published'].evaluations.get().pk}/", "desk"),
    "budget_list": Screen(lambda w: "/desk/budget/", "desk"),
    "budget_form_errors": Screen(lambda w: f"/desk/budget/{w['decision'].pk}/", "officer",
                                 action=submit),
    "case_new": Screen(lambda w: f"/cases/new/{w['published'].pk}/", "desk"),
    "agreement_activities_errors": Screen(
        lambda w: f"/collaborations/agreements/{w['agreement'].pk}/activities/", "desk",
        action=submit),
    "case_list": Screen(lambda w: "/cases/", None),
    "case_detail": Screen(lambda w: f"/cases/{w['case'].pk}/", None),
}


@pytest.fixture
def world(cso_member, desk_coordinator, department, department_officer, other_department,
          other_department_officer):
    adopted = adopted_proposal(proposer=cso_member, desk=desk_coordinator,
                               department=department, officer=department_officer,
                               title="まだ協働事業になっていない提案")
    running = collaboration_from(
        adopted_proposal(proposer=cso_member, desk=desk_coordinator, department=department,
                         officer=department_officer, title="子育てひろばの共同運営"),
        department_officer)
    running = at_state(running, S.RUNNING, officer=department_officer)
    with_visitors(running, department_officer)
    services.milestone_add(actor=department_officer, collaboration=running, title="開設",
                           due_on=dt.date(2026, 6, 1))
    requested = services.report_request(actor=department_officer, collaboration=running,
                                        period="2026年度上期",
                                        due_on=timezone.localdate() + dt.timedelta(days=30))
    submitted = services.report_request(actor=department_officer, collaboration=running,
                                        period="2026年度下期",
                                        due_on=timezone.localdate() + dt.timedelta(days=140))
    services.report_submit(actor=cso_member, report=submitted, text="来訪者が増えた",
                           actuals={running.indicators.get().pk: Decimal(1430)})
    evaluation = services.evaluation_start(actor=department_officer, collaboration=running,
                                           fiscal_year=running.start_fiscal_year)
    published = collaboration_from(
        adopted_proposal(proposer=cso_member, desk=desk_coordinator,
                         department=other_department, officer=other_department_officer,
                         title="総合窓口の運営"),
        other_department_officer)
    published = at_state(published, S.FINISHED, officer=other_department_officer)
    final = services.evaluation_start(actor=other_department_officer, collaboration=published)
    services.evaluation_side_submit(actor=other_department_officer, evaluation=final,
                                    ratings=RATINGS, lessons="定例会議が有効")
    services.evaluation_side_submit(actor=cso_member, evaluation=final, ratings=RATINGS)
    services.evaluation_publish(actor=desk_coordinator, evaluation=final)
    published.refresh_from_db()
    published = services.collaboration_publish(actor=desk_coordinator, collaboration=published)
    case = case_services.case_create_from_collaboration(
        actor=desk_coordinator, collaboration=published)
    # The case screen needs a collaboration without a case: make one more.
    another = collaboration_from(
        adopted_proposal(proposer=cso_member, desk=desk_coordinator,
                         department=other_department, officer=other_department_officer,
                         title="配送業務の委託"), other_department_officer)
    another = at_state(another, S.RUNNING, officer=other_department_officer)
    services.collaboration_publish(actor=desk_coordinator, collaboration=another)
    from kyoso.agreements.tests.factories import make_agreement
    from kyoso.agreements.tests.factories import walk as walk_agreement

    agreement = walk_agreement(make_agreement(desk_coordinator, department.body), "active",
                               desk=desk_coordinator)
    services.activity_log(actor=desk_coordinator, agreement=agreement,
                          held_on=dt.date(2026, 5, 1), title="連携会議", participant_count=8)
    return {
        "agreement": agreement,
        "adopted": adopted, "running": running, "requested": requested,
        "submitted": submitted, "evaluation": evaluation, "published": published,
        "case": case, "decision": Decision.objects.get(assignment__proposal=adopted),
        "case_candidate": another,
    }


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_it_has_no_wcag_violations(
    name, language, world, desk_coordinator, department_officer, cso_member, page, sign_in,
    axe_check,
):
    screen = SCREENS[name]
    if name == "case_new":
        screen = Screen(lambda w: f"/cases/new/{w['case_candidate'].pk}/", "desk")
    prefix = "" if language == "ja" else "/en"
    path = prefix + screen.path(world)
    people = {"desk": desk_coordinator, "officer": department_officer, "partner": cso_member}
    if screen.user:
        sign_in(people[screen.user])
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    if screen.action:
        screen.action(page)
    assert path_of(page) == path.split("?")[0], f"landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)
