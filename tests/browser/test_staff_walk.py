"""A department officer signs in with password and authenticator code, finds their catalog
entries and corrects one, making (and fixing) a mistake on the way."""

from __future__ import annotations

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from django.utils import translation
from playwright.sync_api import expect

from kyoso.catalog.models import CatalogProject
from kyoso.organizations.models import BodyMembership
from kyoso.organizations.tests.factories import StaffMembershipFactory

from .helpers import activate_totp, log_in_with_form, path_of, totp_code
from .world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ja(message: str) -> str:
    with translation.override("ja"):
        return translation.gettext(message)


@pytest.fixture
def world(prefecture, department):
    return build_world(prefecture=prefecture, department=department)


@pytest.fixture
def officer(world, department):
    user = StaffMembershipFactory(
        body=world.prefecture,
        role=BodyMembership.Role.DEPARTMENT,
        department=department,
        second_factor=False,
    ).user
    user.totp_secret = activate_totp(user)
    return user


def wait_for_a_fresh_code_window():
    """A code typed in the last second of its 30-second window may arrive after it expired."""
    remaining = mfa_settings.TOTP_PERIOD - time.time() % mfa_settings.TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.1)


def test_it_signs_in_with_a_code_and_corrects_a_project(world, officer, page):
    log_in_with_form(page, officer.email)
    # The password alone is not enough for government staff.
    assert path_of(page) == "/accounts/2fa/authenticate/"
    expect(page.locator("html")).to_have_attribute("lang", "ja")

    # A wrong code is refused…
    page.locator("input[name=code]").fill(totp_code(officer.totp_secret, step=5))
    with page.expect_navigation():
        page.locator("form:has(input[name=code]) button[type=submit]").first.click()
    assert path_of(page) == "/accounts/2fa/authenticate/"
    # …the code the authenticator app shows now lets the officer in.
    wait_for_a_fresh_code_window()
    page.locator("input[name=code]").fill(totp_code(officer.totp_secret))
    with page.expect_navigation():
        page.locator("form:has(input[name=code]) button[type=submit]").first.click()
    assert not path_of(page).startswith("/accounts/")

    # My page → the department's catalog entries.
    with page.expect_navigation():
        page.get_by_role("navigation", name=ja("Main")).get_by_role(
            "link", name=ja("My page")
        ).click()
    assert path_of(page) == "/accounts/me/"
    with page.expect_navigation():
        page.get_by_role("link", name=ja("Keep your catalog entries")).click()
    assert path_of(page) == "/manage/catalog/"
    entries = page.locator("main table tbody")
    # 28 entries of the division (with the undisclosed one), twenty to a page.
    expect(entries.locator("tr")).to_have_count(20)
    expect(page.get_by_role("navigation", name=ja("Pages"))).to_contain_text("1")
    assert "観光" not in entries.inner_text(), "another division's entries are not listed"

    project = world.projects[3]
    with page.expect_navigation():
        entries.get_by_role("link", name=project.name, exact=True).click()
    assert path_of(page) == f"/manage/catalog/{project.pk}/edit/"

    # A negative budget: the form says what is wrong and keeps what was typed.
    form = page.locator("main form[method=post]")
    new_name = "子育て支援センター運営事業(拡充)"
    form.locator("input[name=name]").fill(new_name)
    form.locator("input[name=budget_yen]").fill("-5000")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert path_of(page) == f"/manage/catalog/{project.pk}/edit/"
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(ja("There is a problem"))
    budget_error = page.locator("#id_budget_yen_error")
    expect(budget_error).to_be_visible()
    expect(budget_error).to_contain_text("0")
    expect(form.locator("input[name=name]")).to_have_value(new_name)
    expect(form.locator("input[name=budget_yen]")).to_have_value("-5000")
    # The summary links to the field it talks about.
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.name") == "budget_yen"
    project.refresh_from_db()
    assert project.name != new_name, "nothing is saved while the form has errors"

    # Fixed, saved, shown.
    form.locator("input[name=budget_yen]").fill("1200000")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert path_of(page) == f"/catalog/{project.pk}/"
    expect(page.locator(".messages")).to_contain_text(ja("Your changes were saved."))
    expect(page.get_by_role("heading", level=1)).to_have_text(new_name)
    expect(page.locator("dl.details")).to_contain_text("1,200,000円")
    project.refresh_from_db()
    assert (project.name, project.budget_yen) == (new_name, 1_200_000)
    assert project.updated_by == officer
    assert CatalogProject.objects.filter(name=new_name).count() == 1
