"""An adopted proposal becomes a running collaboration and a published case, through the real
pages, person by person, without JavaScript doing anything for them: the department sets up the
collaboration from the proposal, starts it, adds an outcome indicator and asks for a report; the
partner reports the visitors counted; the department accepts, finishes the work and both sides
evaluate it; the desk publishes the evaluation and the collaboration and makes it a case; a
visitor finds it in the public list and reads 「窓口来訪者数 43%増」."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import expect

from kyoso.cases.models import Case
from kyoso.collaborations.models import Collaboration, Evaluation
from kyoso.collaborations.tests.factories import adopted_proposal

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ja(message: str) -> str:
    with translation.override("ja"):
        return translation.gettext(message)


def click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def submit(page, label: str) -> None:
    click(page, page.locator("main form[method=post] button[type=submit]",
                             has_text=ja(label)).last)


def become(context, sign_in, user) -> None:
    context.clear_cookies()
    sign_in(user)


def test_an_adopted_proposal_runs_is_evaluated_published_and_becomes_a_case(
    cso_member, desk_coordinator, department, department_officer, context, page, sign_in,
    axe_check,
):
    proposal = adopted_proposal(proposer=cso_member, desk=desk_coordinator,
                                department=department, officer=department_officer,
                                title="県庁総合案内窓口のCSOによる運営")

    # The department: from the adopted proposal to a running collaboration.
    become(context, sign_in, department_officer)
    page.goto(f"/desk/proposals/{proposal.pk}/")
    start = ja("Start the collaboration of this adopted proposal")
    click(page, page.get_by_role("link", name=start))
    page.locator("textarea[name=summary]").fill("県庁1階の総合案内窓口をCSOが運営する。")
    page.locator("select[name=field]").select_option("community")
    submit(page, "Set up the collaboration")
    collaboration = Collaboration.objects.get(proposal=proposal)
    assert path_of(page) == f"/collaborations/{collaboration.pk}/work/"
    click(page, page.get_by_role("link", name=ja("Start the collaboration")))
    submit(page, "Start")
    expect(page.locator(".messages")).to_contain_text(ja("The collaboration is running."))
    click(page, page.get_by_role("link", name=ja("Add an outcome indicator")))
    page.locator("input[name=name]").fill("窓口来訪者数")
    page.locator("input[name=unit]").fill("人/年")
    page.locator("input[name=baseline]").fill("52000")
    page.locator("input[name=target]").fill("65000")
    submit(page, "Add")
    click(page, page.get_by_role("link", name=ja("Ask for a progress report")))
    page.locator("input[name=period]").fill("2026年度")
    page.locator("input[name=due_on]").fill("2027-04-30")
    submit(page, "Ask")

    # The partner reports what was done and the visitors counted.
    become(context, sign_in, cso_member)
    page.goto(f"/collaborations/{collaboration.pk}/work/")
    click(page, page.get_by_role("link", name="2026年度"))
    page.locator("textarea[name=text]").fill("CSO情報コーナーを開設した。")
    page.get_by_label("窓口来訪者数 (人/年)").fill("74360")
    submit(page, "Submit the progress report")

    # The department accepts the report, finishes the work and starts the final evaluation.
    become(context, sign_in, department_officer)
    page.goto(f"/collaborations/{collaboration.pk}/work/")
    click(page, page.get_by_role("link", name="2026年度"))
    page.get_by_label(ja("Accept the report")).check()
    submit(page, "Record the review")
    click(page, page.get_by_role("link", name=ja("Finish the collaboration")))
    submit(page, "Finish")
    click(page, page.get_by_role("link", name=ja("Start a joint evaluation")))
    submit(page, "Start")
    evaluation = Evaluation.objects.get(collaboration=collaboration)

    def evaluate(lessons: str) -> None:
        page.goto(f"/collaborations/{collaboration.pk}/evaluations/{evaluation.pk}/")
        for criterion in ("relevance", "effectiveness", "process"):
            page.locator(f"input[name={criterion}][value='4']").check()
        page.locator("textarea[name=lessons]").fill(lessons)
        submit(page, "Submit your side")

    evaluate("窓口を県民の場として設計したこと")
    become(context, sign_in, cso_member)
    evaluate("月1回の定例会議で課題を早めに共有できた")
    evaluation.refresh_from_db()
    assert evaluation.state == Evaluation.State.FINAL

    # The desk publishes the evaluation and the collaboration, and makes it a case.
    become(context, sign_in, desk_coordinator)
    page.goto(f"/collaborations/{collaboration.pk}/work/")
    final = ja("Publish the evaluation (%(name)s)") % {"name": ja("Final evaluation")}
    click(page, page.get_by_role("button", name=final, exact=True))
    click(page, page.get_by_role("link", name=ja("Publish the collaboration")))
    submit(page, "Publish")
    click(page, page.get_by_role("link", name=ja("Make it a case for the case library")))
    expect(page.locator("textarea[name=outcomes]")).to_have_value("窓口来訪者数 43%増")
    submit(page, "Save the case")
    case = Case.objects.get()
    assert path_of(page) == f"/cases/{case.pk}/"

    # A visitor finds it, reads the outcome, the evaluation and the case.
    context.clear_cookies()
    page.goto("/")
    click(page, page.get_by_role("navigation", name=ja("Main")).get_by_role(
        "link", name=ja("Collaborations")))
    page.locator("input[name=q]").fill("総合案内")
    submit_search = page.locator("main form[role=search] button[type=submit]")
    click(page, submit_search)
    click(page, page.get_by_role("link", name="県庁総合案内窓口のCSOによる運営"))
    expect(page.locator("main")).to_contain_text("窓口来訪者数 43%増")
    expect(page.locator("main")).to_contain_text("月1回の定例会議で課題を早めに共有できた")
    axe_check(page)
    click(page, page.get_by_role("link", name=ja("Read it in the case library")))
    expect(page.locator("main")).to_contain_text("窓口来訪者数 43%増")
    axe_check(page)
