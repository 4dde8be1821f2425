"""The partner pages of the collaboration desk, in Japanese and in English, have no WCAG 2.1
A/AA violation that axe-core can find: the list of one's proposals, starting one (also from a
catalog project and with mistakes), the task list and each kind of section (also after a
mistake), partners, attachments (also a refused file), check your answers (also with what is
missing), the confirmation, the printable copy, revising, the versions and withdrawing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.proposals.models import Proposal
from kyoso.proposals.tests.factories import make_draft, submit, walk

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass
class Drafts:
    draft: Proposal
    incomplete: Proposal
    submitted: Proposal
    routed: Proposal
    returned: Proposal
    project_pk: int


def post_form(page, selector="main form[method=post]"):
    form = page.locator(selector).last
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def bad_budget(page):
    page.locator("input[name=budget_yen]").fill("たくさん")
    post_form(page)
    assert page.locator(".error-summary").is_visible()


def no_body(page):
    page.locator("input[name=title]").fill("川の清掃")
    post_form(page)
    assert page.locator(".error-summary").is_visible()


def wrong_file(page):
    form = page.locator("main form[enctype='multipart/form-data']")
    form.locator("input[name=file]").set_input_files(
        {"name": "virus.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"}
    )
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()


def submit_incomplete(page):
    post_form(page)
    assert page.locator(".error-summary").is_visible()


SCREENS = {
    "my_proposals": (lambda d: "/proposals/", None),
    "new": (lambda d: "/proposals/new/", None),
    "new_from_project": (lambda d: f"/proposals/new/?project={d.project_pk}", None),
    "new_errors": (lambda d: "/proposals/new/", no_body),
    "task_list": (lambda d: f"/proposals/{d.draft.pk}/", None),
    "task_list_returned": (lambda d: f"/proposals/{d.returned.pk}/", None),
    "task_list_routed": (lambda d: f"/proposals/{d.routed.pk}/", None),
    "section_about": (lambda d: f"/proposals/{d.draft.pk}/sections/about/?q=子育て", None),
    "section_text": (lambda d: f"/proposals/{d.draft.pk}/sections/content/", None),
    "section_budget_errors": (lambda d: f"/proposals/{d.draft.pk}/sections/budget/", bad_budget),
    "section_collaboration": (lambda d: f"/proposals/{d.draft.pk}/sections/collaboration/", None),
    "partners": (lambda d: f"/proposals/{d.draft.pk}/partners/", None),
    "partners_search": (lambda d: f"/proposals/{d.draft.pk}/partners/?q=NPO", None),
    "revision_1": (lambda d: f"/proposals/{d.routed.pk}/revisions/1/", None),
    "attachments_errors": (lambda d: f"/proposals/{d.draft.pk}/attachments/", wrong_file),
    "check": (lambda d: f"/proposals/{d.draft.pk}/check/", None),
    "check_missing": (lambda d: f"/proposals/{d.incomplete.pk}/check/", submit_incomplete),
    "submitted": (lambda d: f"/proposals/{d.submitted.pk}/submitted/", None),
    "print": (lambda d: f"/proposals/{d.submitted.pk}/print/", None),
    "revise": (lambda d: f"/proposals/{d.routed.pk}/revise/", None),
    "revisions": (lambda d: f"/proposals/{d.routed.pk}/revisions/", None),
    "withdraw": (lambda d: f"/proposals/{d.draft.pk}/withdraw/", None),
}


@pytest.fixture
def drafts(cso_member, prefecture, department, desk_coordinator, department_officer):
    people = {"proposer": cso_member, "desk": desk_coordinator, "departments": [department],
              "officer": department_officer}
    project = CatalogProjectFactory(department=department, name="子育て支援センター運営事業")
    CatalogProjectFactory(department=department, name="子育てひろば開設事業")
    draft = make_draft(cso_member, prefecture, target_projects=[project],
                       confidential_sections=["content"])
    return Drafts(
        draft=draft,
        incomplete=make_draft(cso_member, prefecture, expected_effect="", collaboration_form=""),
        submitted=submit(make_draft(cso_member, prefecture), cso_member),
        routed=walk(make_draft(cso_member, prefecture), Proposal.State.ROUTED, **people),
        returned=walk(make_draft(cso_member, prefecture), Proposal.State.RETURNED, **people),
        project_pk=project.pk,
    )


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_it_has_no_wcag_violations(
    name, language, drafts, cso_member, page, sign_in, axe_check, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    path_for, action = SCREENS[name]
    prefix = "" if language == "ja" else "/en"
    path = prefix + path_for(drafts)
    sign_in(cso_member)
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    if action:
        action(page)
    assert path_of(page) == path.split("?")[0], f"landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)
