"""A walk through an agreement's life in the browser, without JavaScript: the desk opens a draft
comprehensive agreement with a company (companies often come with an agreement first), finds the
company by searching and adds it as a partner, records its signing, and a visitor finds it in the
public list by a word and a field, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from kyoso.agreements.models import Agreement
from kyoso.organizations.tests.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_desk_signs_an_agreement_and_the_public_finds_it(
    desk_coordinator, prefecture, sign_in, page, browser, live_server
):
    company = OrganizationFactory(name="株式会社 いばらき損保", name_en="Ibaraki Insurance Co.",
                                  kind="company")
    sign_in(desk_coordinator)
    page.goto("/agreements/mine/")
    page.get_by_role("link", name="協定を登録する").click()
    # Fields by their labels' ids: required ones carry "(必須)" in the label.
    page.locator("#id_kind").select_option("comprehensive")
    page.locator("#id_title").fill("防災と健康づくりに関する包括連携協定")
    for value in ("welfare", "disaster"):
        page.locator(f"input[name=fields][value={value}]").check()
    page.locator("#id_items").fill("災害時の支援に関すること\n健康増進に関すること")
    page.locator("#id_ends_on").fill("2028-03-31")
    page.get_by_role("button", name="保存").click()
    assert page.get_by_text("協定の下書きを保存しました。", exact=False).count() == 1
    agreement = Agreement.objects.get(title="防災と健康づくりに関する包括連携協定")
    assert agreement.state == "draft"
    # The partner is found by a word of its name in kana and added to the draft.
    page.locator("#partner-q").fill("イバラキ")
    page.get_by_role("main").get_by_role("button", name="検索").click()
    page.get_by_role("button", name="連携先に追加する").click()
    assert page.get_by_text(f"{company.name}を協定の連携先に加えました。").count() == 1
    page.get_by_role("link", name="協定に戻る").click()

    page.get_by_role("link", name="締結を記録する").click()
    page.locator("#id_signed_on").fill(dt.date(2025, 8, 1).isoformat())
    page.get_by_role("button", name="締結を記録する").click()
    assert page.get_by_text("締結を記録しました。").count() == 1
    agreement.refresh_from_db()
    assert agreement.state == "signed" and agreement.fiscal_year == 2025

    visitor = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    visitor.goto("/en/agreements/")
    visitor.locator("#id_q").fill("いばらき")
    visitor.locator("#id_field").select_option("disaster")
    visitor.get_by_role("button", name="Search").click()
    visitor.get_by_role("link", name="防災と健康づくりに関する包括連携協定").click()
    assert "FY2025 (Reiwa 7)" in visitor.content()
    assert "災害時の支援に関すること" in visitor.content()
    visitor.context.close()
