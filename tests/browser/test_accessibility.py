"""Every page template, in Japanese and in English, has no WCAG 2.1 A/AA violation that axe-core
can find — with the stylesheet applied, as a person sees it.

Each screen says how to reach it: the URL, who is signed in, and what the person does first
(e.g. submit a form with mistakes). A screen that redirects somewhere else fails, so that a
page silently turning into the login page cannot pass for the page itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from kyoso.catalog.io.samples import csv_bytes, sample_rows
from kyoso.organizations.models import BodyMembership, OrganizationMembership
from kyoso.organizations.tests.factories import (
    OrganizationMembershipFactory,
    StaffMembershipFactory,
)

from .helpers import PASSWORD, log_in_with_form, path_of
from .world import World, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass(frozen=True)
class Screen:
    path: Callable[[World], str]
    # Signed in by cookie: "officer" (a department officer of the world's prefecture),
    # "body_admin" (its administrator), "cso" (a partner organization's admin), "outsider"
    # (belongs to nothing). Through the login form: "officer_form" (and so asked for the
    # code), "new_staff" (staff without a second factor, sent to set one up).
    user: str | None = None
    # What the person does on the page before it is checked.
    action: Callable | None = None
    status: int = 200
    # Where the browser must end up, if not at `path` (e.g. after a redirect that is the point).
    lands_on: str | None = None


def submit_bad_project(page):
    form = page.locator("main form[method=post]")
    form.locator("input[name=name]").fill("")
    form.locator("input[name=fiscal_year]").fill("来年度")
    form.locator("input[name=budget_yen]").fill("-5")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()


def confirm_password_if_asked(page):
    """allauth asks for the password again before an authenticator is added."""
    if path_of(page).endswith("/accounts/reauthenticate/"):
        form = page.locator("form:has(input[name=password])")
        form.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()


def upload_bad_catalog(page):
    form = page.locator("main form[enctype='multipart/form-data']")
    # An impossible fiscal year, no project name, a budget that is not a number, no such field.
    bad = csv_bytes([["令和99年度", "", "", "こども家庭課", "", "", "", "", "千円", "", "", "?"]])
    form.locator("input[name=file]").set_input_files(
        {"name": "catalog.csv", "mimeType": "text/csv", "buffer": bad}
    )
    submit(page, form)
    assert page.locator(".error-summary").is_visible()


def check_good_catalog(page):
    form = page.locator("main form[enctype='multipart/form-data']")
    form.locator("input[name=file]").set_input_files(
        {"name": "catalog.csv", "mimeType": "text/csv", "buffer": csv_bytes(sample_rows(3))}
    )
    form.locator("input[name=dry_run]").check()
    submit(page, form)
    assert page.locator(".import-result").is_visible()


def add_unknown_staff(page):
    form = page.locator("main form[method=post]:has(input[name=email])")
    form.locator("input[name=email]").fill("nobody-here@example.jp")
    submit(page, form)
    assert page.locator(".error-summary").is_visible()


def submit_empty_organization(page):
    form = page.locator("main form[method=post]:has(input[name=name])")
    form.locator("input[name=name]").fill("")
    corporate_number = form.locator("input[name=corporate_number]")
    if corporate_number.count():
        corporate_number.fill("123")
    submit(page, form)
    assert page.locator(".error-summary").is_visible()


def submit_bad_signup(page):
    form = page.locator("main form:has(input[name=password2])")
    form.locator("input[name=email]").fill("not-an-address")
    form.locator("input[name=password1]").fill("short")
    form.locator("input[name=password2]").fill("different")
    submit(page, form)
    assert page.locator(".error-summary, .errorlist").first.is_visible()


def submit_bad_login(page):
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill("nobody@example.jp")
    form.locator("input[name=password]").fill("wrong password")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


SCREENS: dict[str, Screen] = {
    "home": Screen(lambda w: "/"),
    "catalog_results": Screen(lambda w: "/catalog/?q=子育て"),
    "catalog_filtered_page_2": Screen(
        lambda w: f"/catalog/?q=子育て&body={w.prefecture.code}&fiscal_year={w.fiscal_year}"
        "&open=on&page=2"
    ),
    "catalog_no_results": Screen(lambda w: "/catalog/?q=該当なしの語句"),
    "catalog_invalid": Screen(lambda w: "/catalog/?budget_min=-1&fiscal_year=abc"),
    "project_detail": Screen(lambda w: w.project.get_absolute_url()),
    "project_detail_staff": Screen(lambda w: w.undisclosed.get_absolute_url(), user="officer"),
    "body_list": Screen(lambda w: "/bodies/"),
    "body_detail": Screen(lambda w: w.prefecture.get_absolute_url()),
    "municipality_detail": Screen(lambda w: w.municipality.get_absolute_url()),
    "organization_list": Screen(lambda w: "/organizations/"),
    "organization_detail": Screen(lambda w: w.organizations[0].get_absolute_url()),
    "login": Screen(lambda w: "/accounts/login/"),
    "login_failed": Screen(lambda w: "/accounts/login/", action=submit_bad_login),
    "signup": Screen(lambda w: "/accounts/signup/"),
    "signup_errors": Screen(lambda w: "/accounts/signup/", action=submit_bad_signup),
    "verification_sent": Screen(lambda w: "/accounts/confirm-email/"),
    "password_reset_done": Screen(lambda w: "/accounts/password/reset/done/"),
    "logout_confirm": Screen(lambda w: "/accounts/logout/", user="cso"),
    "email_addresses": Screen(lambda w: "/accounts/email/", user="cso"),
    "recovery_codes": Screen(
        lambda w: "/accounts/2fa/recovery-codes/", user="officer", action=confirm_password_if_asked
    ),
    "password_reset": Screen(lambda w: "/accounts/password/reset/"),
    "reauthenticate": Screen(
        lambda w: "/accounts/2fa/totp/activate/", user="cso", lands_on="/accounts/reauthenticate/"
    ),
    "totp_setup": Screen(
        lambda w: "/accounts/login/", user="new_staff", action=confirm_password_if_asked,
        lands_on="/accounts/2fa/totp/activate/",
    ),
    "totp_code_at_login": Screen(
        lambda w: "/accounts/login/", user="officer_form", lands_on="/accounts/2fa/authenticate/"
    ),
    "two_factor_overview": Screen(lambda w: "/accounts/2fa/", user="officer"),
    "password_change": Screen(lambda w: "/accounts/password/change/", user="officer"),
    "dashboard": Screen(lambda w: "/accounts/me/", user="officer"),
    "dashboard_partner": Screen(lambda w: "/accounts/me/", user="cso"),
    "manage_list": Screen(lambda w: "/manage/catalog/", user="officer"),
    "manage_list_admin": Screen(lambda w: "/manage/catalog/", user="body_admin"),
    "catalog_results_staff": Screen(lambda w: "/catalog/?q=子育て", user="officer"),
    "project_form_empty": Screen(lambda w: "/manage/catalog/new/", user="officer"),
    "project_form_errors": Screen(
        lambda w: "/manage/catalog/new/", user="officer", action=submit_bad_project
    ),
    "project_form_edit": Screen(
        lambda w: f"/manage/catalog/{w.project.pk}/edit/", user="officer"
    ),
    "project_delete": Screen(lambda w: f"/manage/catalog/{w.project.pk}/delete/", user="officer"),
    # Administration of a body.
    "body_detail_admin": Screen(lambda w: w.prefecture.get_absolute_url(), user="body_admin"),
    "catalog_import": Screen(
        lambda w: f"/manage/bodies/{w.prefecture.code}/import/", user="body_admin"
    ),
    "catalog_import_errors": Screen(
        lambda w: f"/manage/bodies/{w.prefecture.code}/import/", user="body_admin",
        action=upload_bad_catalog,
    ),
    "catalog_import_checked": Screen(
        lambda w: f"/manage/bodies/{w.prefecture.code}/import/", user="body_admin",
        action=check_good_catalog,
    ),
    "body_staff": Screen(
        lambda w: f"/manage/bodies/{w.prefecture.code}/staff/", user="body_admin"
    ),
    "body_staff_errors": Screen(
        lambda w: f"/manage/bodies/{w.prefecture.code}/staff/", user="body_admin",
        action=add_unknown_staff,
    ),
    # Partner organizations, from the inside.
    "organization_list_filtered": Screen(lambda w: "/organizations/?q=さが&intermediary=on"),
    "organization_detail_outsider": Screen(
        lambda w: w.organizations[0].get_absolute_url(), user="outsider"
    ),
    "organization_detail_member": Screen(
        lambda w: w.cso_organization.get_absolute_url(), user="cso"
    ),
    "organization_register": Screen(lambda w: "/organizations/new/", user="outsider"),
    "organization_register_errors": Screen(
        lambda w: "/organizations/new/", user="outsider", action=submit_empty_organization
    ),
    "organization_edit": Screen(
        lambda w: f"/organizations/{w.cso_organization.pk}/edit/", user="cso"
    ),
    "organization_members": Screen(
        lambda w: f"/organizations/{w.cso_organization.pk}/members/", user="cso"
    ),
    "forbidden_403": Screen(lambda w: "/manage/catalog/", user="cso", status=403),
    "not_found_404": Screen(lambda w: "/catalog/999999/", status=404),
}


@pytest.fixture
def world(prefecture, department, department_officer, cso_member):
    world = build_world(prefecture=prefecture, department=department)
    # Setting up an authenticator app in the site also gives recovery codes.
    RecoveryCodes.activate(department_officer)
    # The partner's own organization, with a request to join waiting for them.
    world.cso_organization = cso_member.organization_memberships.get().organization
    OrganizationMembershipFactory(
        organization=world.cso_organization, status=OrganizationMembership.Status.PENDING
    )
    return world


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_it_has_no_wcag_violations(
    name, language, world, department_officer, body_admin, cso_member, outsider, page, sign_in,
    axe_check,
):
    screen = SCREENS[name]
    prefix = "" if language == "ja" else "/en"
    path = prefix + screen.path(world)

    if screen.user == "new_staff":
        staff = StaffMembershipFactory(
            body=world.prefecture, role=BodyMembership.Role.DEPARTMENT, second_factor=False
        ).user
        # Coming from a page of the site, as people do. (Without `next` the login lands on
        # LOGIN_REDIRECT_URL "/", the Japanese home, even when signing in from /en/.)
        log_in_with_form(page, staff.email, prefix=prefix, next=f"{prefix}/accounts/me/")
    elif screen.user == "officer_form":
        log_in_with_form(page, department_officer.email, prefix=prefix)
    else:
        signed_in = {
            "officer": department_officer,
            "body_admin": body_admin,
            "cso": cso_member,
            "outsider": outsider,
        }
        if screen.user:
            sign_in(signed_in[screen.user])
        response = page.goto(path)
        assert response.status == screen.status, f"{path} answered {response.status}"

    if screen.action:
        screen.action(page)
    expected = prefix + screen.lands_on if screen.lands_on else path.split("?")[0]
    assert path_of(page) == expected, f"expected {expected}, landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1, "every page has exactly one main heading"
    axe_check(page)



@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("template", ["400.html", "500.html"])
def test_it_has_no_wcag_violations_on_error_pages_no_url_leads_to(
    template, language, page, live_server, axe_check
):
    """400 and 500 have no URL of their own: render them and serve them from the live server's
    address, so that the stylesheet loads as it would."""
    request = RequestFactory().get("/" if language == "ja" else "/en/")
    with translation.override(language):
        html = render_to_string(template, request=request)
    address = f"{live_server.url}/error-page-under-test/"
    page.route(address, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(address)
    assert page.locator("h1").count() == 1
    if template == "500.html":
        # Self-contained (no database, no stylesheet), in Japanese with English beside it.
        assert page.locator("html").get_attribute("lang") == "ja"
        axe_check(page, stylesheet=False)
    else:
        assert page.locator("html").get_attribute("lang") == language
        axe_check(page)


def test_it_reports_violations_readably_when_a_page_has_them(world, page, axe_check):
    """The check itself can fail: an unlabelled field and pale text are caught and named."""
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main .container');
            main.insertAdjacentHTML('beforeend',
                '<input type="text" id="unlabelled">' +
                '<p id="pale" style="color:#bbb;background:#fff">薄い文字</p>');
        }"""
    )
    with pytest.raises(AssertionError) as failure:
        axe_check(page)
    report = str(failure.value)
    assert "label (critical)" in report and "#unlabelled" in report
    assert "color-contrast (serious)" in report and "#pale" in report
