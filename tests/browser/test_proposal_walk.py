"""A proposal walks from a draft to a published decision through the real pages, person by person:
a civil-society member proposes on a catalog project, the desk accepts and routes it, the
department adopts it in a form of collaboration, the desk publishes, and a visitor reads the result.

Each person has a browser of their own and signs in with the login form (staff also with the code
their authenticator app shows); every step is a link or a button a person would press.
"""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.utils import translation
from django.utils.translation import pgettext_lazy
from playwright.sync_api import expect

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.fiscal import fiscal_year_of
from kyoso.proposals.models import Decision, Proposal

from .conftest import TIMEOUT_MS
from .helpers import log_in_with_form, path_of, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "子育てひろばを地域の縁側にする提案"


def ja(message) -> str:
    """The Japanese a person reads for an English source string (or a lazy choice label)."""
    with translation.override("ja"):
        return translation.gettext(message) if isinstance(message, str) else str(message)


@pytest.fixture
def new_browser(browser, live_server):
    """``new_browser()`` gives a page in a browser context of its own: one person, one set of
    cookies, like a visitor in Japan."""
    contexts = []

    def open_page():
        context = browser.new_context(
            base_url=live_server.url, locale="ja-JP", timezone_id="Asia/Tokyo"
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.set_default_navigation_timeout(TIMEOUT_MS)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def project(department):
    return CatalogProjectFactory(
        department=department,
        fiscal_year=fiscal_year_of(),
        name="子育てひろば開設事業",
        name_en="Childcare Drop-in Spaces",
        field=PolicyField.CHILDREN,
        open_to_collaboration=True,
        collaboration_forms=[CollaborationForm.OUTSOURCING, CollaborationForm.CO_HOSTING],
    )


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def log_in_as_staff(page, user) -> None:
    """Password, then the code the authenticator app shows (the persona's TOTP is active)."""
    secret = decrypt(
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    )
    log_in_with_form(page, user.email)
    assert path_of(page) == "/accounts/2fa/authenticate/"
    # A code typed in the last seconds of its window may arrive after it expired.
    remaining = mfa_settings.TOTP_PERIOD - time.time() % mfa_settings.TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.1)
    page.locator("input[name=code]").fill(totp_code(secret))
    click_and_wait(page, page.locator("form:has(input[name=code]) button[type=submit]").first)
    assert not path_of(page).startswith("/accounts/"), f"still signing in at {page.url}"


def fill_section(page, pk: int, title: str, text: str) -> None:
    """From the task list, open a written section, write it and come back."""
    sections = page.get_by_role("table")
    click_and_wait(page, sections.get_by_role("link", name=ja(title), exact=True))
    assert path_of(page).startswith(f"/proposals/{pk}/sections/")
    page.get_by_role("textbox", name=ja(title), exact=True).fill(text)
    click_and_wait(page, page.get_by_role("button", name=ja("Save and return to the task list")))
    assert path_of(page) == f"/proposals/{pk}/"
    row = sections.get_by_role("row").filter(has=page.get_by_role("link", name=ja(title)))
    expect(row).to_contain_text(ja("Completed"))


def test_it_walks_a_proposal_from_draft_to_published_decision(
    project, department, cso_member, desk_coordinator, department_officer, new_browser,
    axe_check, settings, tmp_path,
):
    settings.MEDIA_ROOT = tmp_path

    # --- The civil-society member proposes on a catalog project. ---
    cso = new_browser()
    log_in_with_form(cso, cso_member.email)
    cso.goto(f"/catalog/{project.pk}/")
    expect(cso.locator("html")).to_have_attribute("lang", "ja")
    click_and_wait(cso, cso.get_by_role("link", name=ja("Make a proposal on this project")))
    assert path_of(cso) == "/proposals/new/"
    # Arriving from the project: its body is chosen and the project ticked.
    expect(cso.get_by_role("checkbox", name=re.compile(re.escape(project.name)))).to_be_checked()
    cso.get_by_label(ja(pgettext_lazy("proposal", "Title")), exact=True).fill(TITLE)
    click_and_wait(cso, cso.get_by_role("button", name=ja("Create the draft")))
    match = re.fullmatch(r"/proposals/(\d+)/", path_of(cso))
    assert match, f"landed on {cso.url}"
    pk = int(match.group(1))
    proposal = Proposal.objects.get(pk=pk)
    assert (proposal.state, proposal.body.code) == (Proposal.State.DRAFT, "410004")
    assert list(proposal.target_projects.all()) == [project]

    fill_section(cso, pk, "Background", "未就学児の親が地域で孤立しがちである。")
    fill_section(cso, pk, "Content", "子育てひろばを週3回開き、地域の先輩保護者が迎える。")
    fill_section(cso, pk, "Expected effect", "相談できる相手のいる保護者の割合が増える。")

    sections = cso.get_by_role("table")
    click_and_wait(cso, sections.get_by_role("link", name=ja("Form of collaboration"), exact=True))
    cso.get_by_role("radio", name=ja(CollaborationForm.CO_HOSTING.label)).check()
    click_and_wait(cso, cso.get_by_role("button", name=ja("Save and return to the task list")))
    assert path_of(cso) == f"/proposals/{pk}/"

    click_and_wait(cso, cso.get_by_role("link", name=ja("Check your answers and submit")))
    assert path_of(cso) == f"/proposals/{pk}/check/"
    expect(cso.locator(".error-summary")).to_have_count(0)
    expect(cso.locator("main")).to_contain_text("子育てひろばを週3回開き")
    click_and_wait(cso, cso.get_by_role("button", name=ja("Submit the proposal")))
    assert path_of(cso) == f"/proposals/{pk}/submitted/"
    expect(cso.get_by_role("heading", level=1)).to_have_text(ja("Proposal submitted"))
    reference = cso.locator("main .card strong").inner_text().strip()
    assert re.fullmatch(r"410004-20\d\d-0001", reference), reference
    axe_check(cso)
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reference) == (Proposal.State.SUBMITTED, reference)

    # --- The desk accepts it and routes it to the department. ---
    desk = new_browser()
    log_in_as_staff(desk, desk_coordinator)
    desk.goto("/desk/")
    click_and_wait(desk, desk.get_by_role("link", name=TITLE))
    assert path_of(desk) == f"/desk/proposals/{pk}/"
    click_and_wait(desk, desk.get_by_role("button", name=ja("Accept for screening")))
    assert path_of(desk) == f"/desk/proposals/{pk}/"
    expect(desk.locator(".messages")).to_contain_text(ja("The proposal is being screened."))
    click_and_wait(desk, desk.get_by_role("link", name=ja("Route to departments")))
    assert path_of(desk) == f"/desk/proposals/{pk}/route/"
    desk.get_by_role("checkbox", name=department.name).check()
    click_and_wait(desk, desk.get_by_role("button", name=ja("Route"), exact=True))
    assert path_of(desk) == f"/desk/proposals/{pk}/"
    expect(desk.locator(".messages")).to_contain_text(ja("The proposal was routed."))
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.ROUTED
    assert [a.department for a in proposal.assignments.all()] == [department]

    # --- The department adopts it, in the form of co-hosting. ---
    officer = new_browser()
    log_in_as_staff(officer, department_officer)
    officer.goto("/desk/assignments/")
    click_and_wait(officer, officer.get_by_role("link", name=TITLE))
    assert path_of(officer) == f"/desk/proposals/{pk}/"
    click_and_wait(officer, officer.get_by_role("link", name=ja("Record the decision")))
    assert re.fullmatch(rf"/desk/proposals/{pk}/assignments/\d+/decide/", path_of(officer))
    officer.get_by_role("radio", name=ja(Decision.Outcome.ADOPT_THIS_YEAR.label)).check()
    officer.get_by_label(ja("Form of collaboration")).select_option(
        label=ja(CollaborationForm.CO_HOSTING.label)
    )
    click_and_wait(officer, officer.get_by_role("button", name=ja("Record the decision")))
    assert path_of(officer) == f"/desk/proposals/{pk}/"
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.DECIDED
    decision = Decision.objects.get(assignment__proposal=proposal)
    assert (decision.outcome, decision.collaboration_form, decision.decided_by) == (
        Decision.Outcome.ADOPT_THIS_YEAR, CollaborationForm.CO_HOSTING, department_officer
    )

    # Nothing is public before the desk publishes.
    visitor = new_browser()
    visitor.goto("/bodies/410004/results/")
    expect(visitor.locator("main")).not_to_contain_text(TITLE)

    # --- The desk publishes the result. ---
    desk.goto(f"/desk/proposals/{pk}/")
    click_and_wait(desk, desk.get_by_role("link", name=ja("Publish the result")))
    assert path_of(desk) == f"/desk/proposals/{pk}/publish/"
    desk.locator("#id_confirm").check()  # the disclosure review
    click_and_wait(desk, desk.get_by_role("button", name=ja("Publish"), exact=True))
    assert path_of(desk) == f"/desk/proposals/{pk}/"
    expect(desk.locator(".messages")).to_contain_text(ja("The result was published."))
    proposal.refresh_from_db()
    assert proposal.published_at is not None

    # --- A visitor, signed in as nobody, reads the result. ---
    response = visitor.goto("/bodies/410004/results/")
    assert response.status == 200
    result = visitor.get_by_role("article", name=TITLE)
    expect(result).to_contain_text(reference)
    expect(result).to_contain_text(proposal.organization.display_name)
    expect(result.get_by_role("link", name=project.name)).to_be_visible()
    row = result.get_by_role("row").filter(has_text=department.name)
    expect(row).to_contain_text(ja(Decision.Outcome.ADOPT_THIS_YEAR.label))
    expect(row).to_contain_text(ja(CollaborationForm.CO_HOSTING.label))
    axe_check(visitor)
