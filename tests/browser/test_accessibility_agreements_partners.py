"""The partners page of a draft agreement, in Japanese and in English, has no WCAG 2.1 A/AA
violation that axe-core can find: empty, with a search and its matches, with partners in
signing order (move and remove buttons), after a mistake, and once signed (the refusal)."""

from __future__ import annotations

import datetime as dt

import pytest

from kyoso.agreements.models import Agreement
from kyoso.agreements.tests.factories import make_agreement, organization_of, walk
from kyoso.organizations.tests.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def drafts(desk_coordinator, prefecture, cso_member):
    OrganizationFactory(name="株式会社 肥前銀行", name_kana="ひぜんぎんこう",
                        name_en="Hizen Bank, Ltd.", kind="company",
                        corporate_number="")
    OrganizationFactory(name="肥前観光株式会社", name_kana="ひぜんかんこう", kind="company")
    partners = [organization_of(cso_member), OrganizationFactory(name="有田焼工房株式会社")]
    return {
        "several": make_agreement(desk_coordinator, prefecture, partners=partners),
        "empty": make_agreement(desk_coordinator, prefecture, partners=[]),
        "signed": walk(make_agreement(desk_coordinator, prefecture, partners=partners),
                       Agreement.State.SIGNED, desk=desk_coordinator,
                       signed_on=dt.date(2025, 6, 1)),
    }


PAGES = {
    "empty": lambda d: f"/agreements/{d['empty'].pk}/partners/",
    "searched": lambda d: f"/agreements/{d['several'].pk}/partners/?q=肥前",
    "nothing_found": lambda d: f"/agreements/{d['empty'].pk}/partners/?q=存在しない名前",
    "signed": lambda d: f"/agreements/{d['signed'].pk}/partners/",
}


def visit(page, path, language):
    path = ("" if language == "ja" else "/en") + path
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_the_partners_page_has_no_wcag_violations(
    name, language, drafts, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, PAGES[name](drafts), language)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_after_adding_and_after_a_mistake_it_has_no_wcag_violations(
    language, drafts, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, f"/agreements/{drafts['several'].pk}/partners/?q=ひぜん", language)
    button = "連携先に追加する" if language == "ja" else "Add as a partner"
    page.get_by_role("main").get_by_role("button", name=button).first.click()
    assert page.locator(".messages, .message-success").count() >= 1
    axe_check(page)
    # An organization removed meanwhile: the page says so and keeps the search.
    page.evaluate("""() => { const field = document.querySelector(
        'main form.inline-form input[name=organization]'); field.value = '999999'; }""")
    page.locator("main form.inline-form button").first.click()
    assert page.locator(".error-summary").count() == 1
    axe_check(page)
