"""A body's results page lists its published decisions, and nothing confidential."""

import pytest

from kyoso.proposals.models import Proposal

from .factories import make_draft, walk
from .public_pages import REASONS, SECRET, TITLE, published_result


@pytest.fixture
def result(cso_member, desk_coordinator, department, department_officer, other_department,
           other_department_officer, prefecture):
    return published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture,
    )


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_title_proposer_targets_and_each_departments_decision(client, result):
    html = page(client, f"/bodies/{result.body.code}/results/")
    assert TITLE in html
    assert result.organization.name in html
    assert "難病患者就労支援事業" in html and result.target.get_absolute_url() in html
    assert "こども家庭課" in html and "採択（今年度実施）" in html
    assert "観光課" in html and "不採択" in html and REASONS in html
    assert result.reference in html


def test_it_speaks_english_under_en(client, result):
    html = page(client, f"/en/bodies/{result.body.code}/results/")
    assert "Results of proposals to" in html
    assert "Adopted (this fiscal year)" in html and "Not adopted" in html
    assert "Children and Families Division" in html


def test_it_never_shows_a_protected_section(client, result, cso_member):
    # Not even to the proposer: this is the public page.
    client.force_login(cso_member)
    assert SECRET not in page(client, f"/bodies/{result.body.code}/results/")
    client.logout()
    assert SECRET not in page(client, f"/en/bodies/{result.body.code}/results/")


def test_it_shows_the_content_once_released(client, result):
    Proposal.objects.filter(pk=result.pk).update(released_at=result.decided_at)
    assert SECRET in page(client, f"/bodies/{result.body.code}/results/")


def test_it_lists_nothing_decided_but_unpublished_nor_undecided(
    client, cso_member, desk_coordinator, department, department_officer, other_department,
    other_department_officer, prefecture,
):
    published_result(
        proposer=cso_member, desk=desk_coordinator, department=department,
        officer=department_officer, other_department=other_department,
        other_officer=other_department_officer, body=prefecture, publish=False,
    )
    walk(make_draft(cso_member, prefecture, title="協議中の提案"), Proposal.State.ROUTED,
         proposer=cso_member, desk=desk_coordinator, departments=[department])
    html = page(client, f"/bodies/{prefecture.code}/results/")
    assert TITLE not in html and "協議中の提案" not in html
    assert "公表された結果はまだありません" in html


def test_it_keeps_each_body_to_its_own_results(client, result, other_prefecture):
    assert TITLE not in page(client, f"/bodies/{other_prefecture.code}/results/")


def test_it_filters_by_fiscal_year_and_words(client, result):
    base = f"/bodies/{result.body.code}/results/"
    assert TITLE in page(client, f"{base}?fiscal_year={result.fiscal_year}&q=サポーターズ")
    assert TITLE not in page(client, f"{base}?q=該当しない語")


def test_it_explains_an_unknown_fiscal_year_and_keeps_the_words(client, result):
    html = page(client, f"/bodies/{result.body.code}/results/?fiscal_year=1999&q=難病")
    assert "この年度に公表された結果はありません" in html
    assert 'aria-invalid="true"' in html
    assert 'value="難病"' in html
    assert TITLE in html  # all years are shown instead


def test_it_answers_404_for_an_unknown_body(client, db):
    assert client.get("/bodies/999999/results/").status_code == 404
    assert client.get("/statistics/999999/").status_code == 404


def test_it_lists_the_results_on_the_catalog_projects_own_snippet(result):
    from django.template import Context, Template

    html = Template("{% load proposals_public %}{% project_proposals project %}").render(
        Context({"project": result.target})
    )
    assert TITLE in html and REASONS in html and SECRET not in html
    result.target.disclosed = False
    result.target.save()
    html = Template("{% load proposals_public %}{% project_proposals project %}").render(
        Context({"project": result.target})
    )
    assert TITLE not in html
