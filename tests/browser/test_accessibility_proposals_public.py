"""The public pages of the collaboration desk, in Japanese and in English, have no WCAG 2.1 A/AA
violation that axe-core can find: a body's published results (also filtered, and with a fiscal
year it has none for), its statistics table, and a catalog project's list of proposals.
"""

from __future__ import annotations

import pytest
from django.template import Context, Template

from kyoso.proposals.tests.public_pages import published_result

from .helpers import path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "results": lambda r: f"/bodies/{r.body.code}/results/",
    "results_filtered": lambda r: f"/bodies/{r.body.code}/results/?q=難病&fiscal_year="
    f"{r.fiscal_year}",
    "results_unknown_year": lambda r: f"/bodies/{r.body.code}/results/?fiscal_year=1999",
    "statistics": lambda r: f"/statistics/{r.body.code}/",
    "statistics_municipality": lambda r: f"/statistics/{r.municipality.code}/",
}


@pytest.fixture
def result(cso_member, desk_coordinator, department, department_officer, other_department,
           other_department_officer, prefecture, municipality):
    result = published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )
    result.municipality = municipality
    return result


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_it_has_no_wcag_violations(name, language, result, page, axe_check):
    prefix = "" if language == "ja" else "/en"
    path = prefix + SCREENS[name](result)
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert path_of(page) == path.split("?")[0]
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    axe_check(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_it_has_no_wcag_violations_in_a_projects_list_of_proposals(
    language, result, page, live_server, axe_check
):
    """The snippet the catalog's project page includes, inside the site's page."""
    from django.utils import translation

    with translation.override(language):
        snippet = Template("{% load proposals_public %}{% project_proposals project %}").render(
            Context({"project": result.target})
        )
    page.goto(("" if language == "ja" else "/en") + "/bodies/")
    page.evaluate(
        "(html) => { document.querySelector('main .container').innerHTML = "
        "'<h1>事業</h1>' + html; }",
        snippet,
    )
    axe_check(page)
