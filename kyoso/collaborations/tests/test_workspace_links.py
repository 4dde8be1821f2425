"""Small things the pages must get right: each evaluation's publish button says which one, the
CSV link carries the list's filters and language, and a draft case is reachable from the
workspace."""

import html
import re

from django.urls import reverse

from kyoso.cases import services as case_services
from kyoso.collaborations import services
from kyoso.core.fiscal import format_fiscal_year

from .factories import RATINGS, running


def test_each_publish_button_names_its_evaluation(
    client, collaboration, department_officer, cso_member, desk_coordinator
):
    collaboration = running(collaboration, department_officer)
    years = [collaboration.start_fiscal_year, collaboration.start_fiscal_year + 1]
    for year in years:
        evaluation = services.evaluation_start(actor=department_officer,
                                               collaboration=collaboration, fiscal_year=year)
        for person in (department_officer, cso_member):
            services.evaluation_side_submit(actor=person, evaluation=evaluation,
                                            ratings=RATINGS)
    client.force_login(desk_coordinator)
    page = client.get(reverse("collaborations:workspace", args=[collaboration.pk]))
    buttons = re.findall(r"<button type=\"submit\">([^<]*)</button>", page.content.decode())
    assert len(buttons) == 2 and len(set(buttons)) == 2
    for year, button in zip(years, buttons, strict=True):
        assert format_fiscal_year(year) in html.unescape(button)


def test_the_csv_link_keeps_the_filters_and_the_language(client, db):
    page = client.get("/en/collaborations/", {"field": "community", "q": "窓口", "page": "2"})
    link = html.unescape(re.search(r'href="([^"]*format=csv[^"]*)"',
                                   page.content.decode()).group(1))
    assert link.startswith("/api/v1/collaborations?")
    assert {"field=community", "lang=en", "format=csv"} <= set(link.split("?")[1].split("&"))
    assert "q=%E7%AA%93%E5%8F%A3" in link and "page=" not in link


def test_the_desk_finds_a_draft_case_from_the_workspace(
    client, collaboration, department_officer, desk_coordinator
):
    collaboration = services.collaboration_publish(
        actor=desk_coordinator, collaboration=running(collaboration, department_officer))
    case = case_services.case_create_from_collaboration(
        actor=desk_coordinator, collaboration=collaboration, publish=False)
    client.force_login(desk_coordinator)
    page = client.get(reverse("collaborations:workspace", args=[collaboration.pk]))
    assert reverse("cases:detail", args=[case.pk]) in page.content.decode()
    client.force_login(department_officer)  # may not read the draft
    page = client.get(reverse("collaborations:workspace", args=[collaboration.pk]))
    assert reverse("cases:detail", args=[case.pk]) not in page.content.decode()
