"""The notice pages, in Japanese and in English, have no WCAG 2.1 A/AA violation that axe-core
can find: the empty list, a list with read and unread notices, the settings form (also after a
mistake), and following a notice lands on its page and marks it read."""

from __future__ import annotations

import pytest

import kyoso.proposals.notices  # noqa: F401 - registers the kinds used here
from kyoso.notifications.models import Notice
from kyoso.notifications.services import notify

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARAMS = {"reference": "410004-2026-0007", "title": "子育て広場の共同運営",
          "body": "佐賀県", "body_en": "Saga Prefecture", "due": "2026-12-01"}


def some_notices(user):
    for index, kind in enumerate(("proposals.received", "proposals.routed", "proposals.decided")):
        notify(recipients=[user], kind=kind, key=f"k{index}", url="/proposals/", params=PARAMS)
    Notice.objects.filter(key="k0").update(read_at="2026-11-20T10:00:00+09:00")


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("with_notices", [False, True])
def test_the_list_has_no_wcag_violations(language, with_notices, cso_member, sign_in, page,
                                         axe_check):
    if with_notices:
        some_notices(cso_member)
    sign_in(cso_member)
    prefix = "" if language == "ja" else "/en"
    response = page.goto(prefix + "/notices/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert page.locator(".notice").count() == (3 if with_notices else 0)
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_settings_have_no_wcag_violations_also_after_a_mistake(
    language, cso_member, sign_in, page, axe_check
):
    sign_in(cso_member)
    prefix = "" if language == "ja" else "/en"
    page.goto(prefix + "/notices/settings/")
    axe_check(page)
    # A tampered choice: the form says what is wrong and keeps the rest.
    page.evaluate("document.querySelector('select[name=language] option').value = 'xx'")
    page.locator("select[name=language]").select_option(index=0)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    axe_check(page)


def test_following_a_notice_marks_it_read_and_lands_on_its_page(cso_member, sign_in, page):
    some_notices(cso_member)
    sign_in(cso_member)
    page.goto("/en/notices/")
    with page.expect_navigation():
        page.get_by_role("link", name="Your proposal 410004-2026-0007 went to the departments")\
            .click()
    assert path_of(page) == "/en/proposals/"
    assert Notice.objects.filter(key="k1", read_at__isnull=False).exists()
