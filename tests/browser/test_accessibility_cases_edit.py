"""The desk's pages of a case — editing its texts in both languages (also after a mistake and
after a save in between) and taking it out of the library — and the case as English readers see
it, have no WCAG 2.1 A/AA violation that axe-core can find, in Japanese and in English."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kyoso.cases import services
from kyoso.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def case(prefecture):
    return Case.objects.create(
        body=prefecture, published_at=timezone.now(), fields=["community"],
        title="県庁総合窓口のCSO運営", title_en="A CSO runs the prefectural counter",
        summary="県庁の総合窓口をCSOが運営した。", outcomes="窓口来訪者数 43%増",
        lessons="情報発信の一体化が鍵", lessons_en="One voice in publicity is key.",
        partners_text="NPO法人 さがの窓口",
    )


def visit(page, path, language):
    path = ("" if language == "ja" else "/en") + path
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("path", ["/cases/{pk}/", "/cases/{pk}/edit/", "/cases/{pk}/unpublish/"])
def test_the_desks_case_pages_have_no_wcag_violations(
    path, language, case, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, path.format(pk=case.pk), language)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_edit_page_after_a_mistake_and_after_a_save_in_between(
    language, case, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, f"/cases/{case.pk}/edit/", language)
    page.locator("#id_summary").fill("")
    save = "保存" if language == "ja" else "Save the case"
    page.get_by_role("main").get_by_role("button", name=save).click()
    assert page.locator(".error-summary").count() == 1
    axe_check(page)
    services.case_update(actor=desk_coordinator, case=case, outcomes="別の人の修正")
    page.locator("#id_summary").fill("県庁の総合窓口をCSOが運営した。")
    page.get_by_role("main").get_by_role("button", name=save).click()
    assert page.locator(".error-summary").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_public_case_has_no_wcag_violations(language, case, page, axe_check):
    visit(page, f"/cases/{case.pk}/", language)
    axe_check(page)
