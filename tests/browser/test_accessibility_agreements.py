"""The agreement pages, in Japanese and in English, have no WCAG 2.1 A/AA violation that axe-core
can find: the public list (also filtered) and page, and the desk's and parties' pages (the draft
with its actions, the forms of a new agreement, an edit, a signing, a document, a memorandum,
their own list), also after a mistake."""

from __future__ import annotations

import datetime as dt

import pytest

from kyoso.agreements.models import Agreement
from kyoso.agreements.tests.factories import make_agreement, organization_of, walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = {
    "list": lambda a: "/agreements/",
    "list_filtered": lambda a: "/agreements/?q=健康&field=welfare&fiscal_year=2025",
    "detail": lambda a: f"/agreements/{a['signed'].pk}/",
}
DESK = {
    "draft": lambda a: f"/agreements/{a['draft'].pk}/",
    "new": lambda a: "/agreements/new/",
    "edit": lambda a: f"/agreements/{a['draft'].pk}/edit/",
    "edit_signed": lambda a: f"/agreements/{a['signed'].pk}/edit/",
    "sign": lambda a: f"/agreements/{a['draft'].pk}/sign/",
    "renew": lambda a: f"/agreements/{a['signed'].pk}/renew/",
    "terminate": lambda a: f"/agreements/{a['signed'].pk}/terminate/",
    "document": lambda a: f"/agreements/{a['draft'].pk}/documents/new/",
    "memorandum": lambda a: f"/agreements/{a['signed'].pk}/memoranda/new/",
    "mine": lambda a: "/agreements/mine/",
}


@pytest.fixture
def agreements(desk_coordinator, prefecture, cso_member):
    partners = [organization_of(cso_member)]
    signed = walk(make_agreement(desk_coordinator, prefecture, partners=partners),
                  Agreement.State.ACTIVE, desk=desk_coordinator, signed_on=dt.date(2025, 6, 1))
    draft = make_agreement(desk_coordinator, prefecture, partners=partners,
                           title="観光振興に関する事業連携協定", kind="project", fields=["tourism"])
    return {"signed": signed, "draft": draft}


def visit(page, path, language):
    path = ("" if language == "ja" else "/en") + path
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(PUBLIC))
def test_public_pages_have_no_wcag_violations(name, language, agreements, page, axe_check):
    visit(page, PUBLIC[name](agreements), language)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(DESK))
def test_desk_pages_have_no_wcag_violations(
    name, language, agreements, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, DESK[name](agreements), language)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_form_with_mistakes_has_no_wcag_violations(
    language, agreements, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, f"/agreements/{agreements['signed'].pk}/renew/", language)
    page.get_by_role("button", name="更新する" if language == "ja" else "Renew").click()
    assert page.locator(".error-summary").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_partners_view_of_a_draft_has_no_wcag_violations(
    language, agreements, cso_member, sign_in, page, axe_check
):
    sign_in(cso_member)
    visit(page, f"/agreements/{agreements['draft'].pk}/", language)
    axe_check(page)
