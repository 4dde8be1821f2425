"""Amendments of agreements, in Japanese and in English, have no WCAG 2.1 A/AA violation that
axe-core can find: the form (also after a mistake and when refused for a draft) and the public
page listing an amendment with the items before and after, opened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyoso.agreements import services
from kyoso.agreements.models import Agreement
from kyoso.agreements.tests.factories import make_agreement, organization_of, walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


@pytest.fixture
def agreements(desk_coordinator, prefecture, cso_member):
    partners = [organization_of(cso_member)]
    active = walk(make_agreement(desk_coordinator, prefecture, partners=partners,
                                 ends_on=TODAY + dt.timedelta(days=100)),
                  Agreement.State.ACTIVE, desk=desk_coordinator,
                  signed_on=TODAY - dt.timedelta(days=300))
    amended = walk(make_agreement(desk_coordinator, prefecture, partners=partners,
                                  title="観光振興に関する包括連携協定",
                                  ends_on=TODAY + dt.timedelta(days=100)),
                   Agreement.State.ACTIVE, desk=desk_coordinator,
                   signed_on=TODAY - dt.timedelta(days=300))
    services.amendment_record(
        actor=desk_coordinator, agreement=amended, signed_on=TODAY - dt.timedelta(days=5),
        description="連携事項を改め、期間を延長する。", description_en="New items, longer term.",
        ends_on=TODAY + dt.timedelta(days=465), items=["観光振興に関すること", "文化の発信"],
        upload=SimpleUploadedFile("変更協定書.pdf", b"%PDF-1.4\n%test\n"),
        document_title="変更協定書",
    )
    draft = make_agreement(desk_coordinator, prefecture, partners=partners, title="下書き")
    return {"active": active, "amended": amended, "draft": draft}


def visit(page, path, language):
    path = ("" if language == "ja" else "/en") + path
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", ["active", "draft"])
def test_the_form_has_no_wcag_violations(
    name, language, agreements, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, f"/agreements/{agreements[name].pk}/amendments/new/", language)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_form_after_a_mistake_has_no_wcag_violations(
    language, agreements, desk_coordinator, sign_in, page, axe_check
):
    sign_in(desk_coordinator)
    visit(page, f"/agreements/{agreements['active'].pk}/amendments/new/", language)
    page.locator("#id_ends_on").fill("")
    page.get_by_role("button", name="変更を記録する" if language == "ja"
                     else "Record the amendment").click()
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#id_ends_on_error").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_public_page_with_an_amendment_has_no_wcag_violations(
    language, agreements, page, axe_check
):
    visit(page, f"/agreements/{agreements['amended'].pk}/", language)
    page.locator("details summary").first.click()
    axe_check(page)
