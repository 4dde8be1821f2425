"""The API token page under My page, in Japanese and in English, has no WCAG 2.1 A/AA violation
that axe-core can find: the list (empty, and with valid and revoked tokens), the form after a
mistake, the page that shows a new token once, and the revocation's confirmation. The secret
is typed nowhere but shown in a labelled read-only field.
"""

from __future__ import annotations

import pytest

from kyoso.api.tokens import api_token_create, api_token_revoke

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/accounts/api-tokens/"


def make_some(user):
    kept, _secret = api_token_create(actor=user, name="週次の書き出し", lifetime_days=90)
    gone, _secret = api_token_create(actor=user, name="古いスクリプト", lifetime_days=7)
    api_token_revoke(actor=user, token=gone)
    return kept


def submit(page):
    form = page.locator("main form[method=post]")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_has_no_wcag_violations_without_tokens(language, cso_member, sign_in, page,
                                                  axe_check):
    sign_in(cso_member)
    prefix = "" if language == "ja" else "/en"
    response = page.goto(prefix + PAGE)
    assert response.status == 200 and path_of(page) == prefix + PAGE
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_has_no_wcag_violations_with_tokens_and_a_mistake(language, cso_member, sign_in,
                                                             page, axe_check):
    sign_in(cso_member)
    make_some(cso_member)
    prefix = "" if language == "ja" else "/en"
    page.goto(prefix + PAGE)
    assert page.locator("tbody tr").count() == 2
    axe_check(page)
    page.locator("input[name=name]").fill("")
    submit(page)
    assert page.locator(".error-summary").is_visible()
    assert page.locator("h1").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_has_no_wcag_violations_when_showing_a_new_token(language, cso_member, sign_in,
                                                            page, axe_check):
    sign_in(cso_member)
    prefix = "" if language == "ja" else "/en"
    page.goto(prefix + PAGE)
    page.locator("input[name=name]").fill("集計スクリプト")
    page.get_by_label("30日間" if language == "ja" else "30 days").check()
    submit(page)
    secret = page.locator("#token-secret").input_value()
    assert secret.startswith("kyoso_")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_has_no_wcag_violations_when_asking_before_revoking(language, cso_member, sign_in,
                                                               page, axe_check):
    sign_in(cso_member)
    token = make_some(cso_member)
    prefix = "" if language == "ja" else "/en"
    path = f"{prefix}{PAGE}{token.pk}/revoke/"
    response = page.goto(path)
    assert response.status == 200 and path_of(page) == path
    assert page.locator("h1").count() == 1
    axe_check(page)
