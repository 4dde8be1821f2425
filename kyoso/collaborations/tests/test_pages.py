"""The pages, through Django's test client: starting a collaboration from an adopted proposal,
actions with mistakes and without, the partner's report, the department's review, both sides'
evaluation; in Japanese and English."""

import uuid

import pytest
from django.urls import reverse

from kyoso.collaborations.models import Collaboration, Evaluation, ProgressReport
from kyoso.core.choices import PolicyField

from .factories import at_state, days_from_today, once, running, with_visitors

S = Collaboration.State


def workspace(collaboration):
    return reverse("collaborations:workspace", args=[collaboration.pk])


def action(collaboration, slug):
    return reverse("collaborations:action", args=[collaboration.pk, slug])


def test_the_department_turns_an_adopted_proposal_into_a_collaboration(
    client, adopted, department, department_officer, partner_org
):
    client.force_login(department_officer)
    url = reverse("collaborations:new") + f"?proposal={adopted.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert adopted.title in page.content.decode()
    key = str(uuid.uuid4())
    response = client.post(url, once({"title": adopted.title, "summary": "", "field": "",
                                      "form": "outsourcing", "start_fiscal_year": "令和8年度",
                                      "departments": [department.pk],
                                      "partners": [partner_org.pk]}, key))
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    response = client.post(url, once({"title": adopted.title,
                                      "summary": "総合窓口をCSOが運営する",
                                      "field": PolicyField.COMMUNITY, "form": "outsourcing",
                                      "start_fiscal_year": "令和8年度", "end_fiscal_year": "",
                                      "departments": [department.pk],
                                      "partners": [partner_org.pk]}, key))
    collaboration = Collaboration.objects.get()
    assert response.status_code == 302 and response.url == workspace(collaboration)
    assert collaboration.start_fiscal_year == 2026
    # A second visit leads to the existing collaboration.
    assert client.get(url).url == workspace(collaboration)


def test_a_department_that_did_not_adopt_cannot_start_it(client, adopted, other_department_officer):
    client.force_login(other_department_officer)
    url = reverse("collaborations:new") + f"?proposal={adopted.pk}"
    assert client.get(url).status_code == 404  # the proposal is not theirs to see


def test_the_workspace_offers_what_each_party_may_do(
    client, collaboration, department_officer, cso_member
):
    client.force_login(department_officer)
    page = client.get(workspace(collaboration)).content.decode()
    assert action(collaboration, "start") in page
    assert action(collaboration, "milestone") in page
    client.force_login(cso_member)
    page = client.get(workspace(collaboration)).content.decode()
    assert action(collaboration, "start") not in page
    assert action(collaboration, "contact") in page


def test_an_action_keeps_what_was_typed_and_says_what_is_wrong(
    client, collaboration, department_officer
):
    client.force_login(department_officer)
    running(collaboration, department_officer)
    key = str(uuid.uuid4())
    response = client.post(action(collaboration, "milestone"),
                           once({"title": "窓口開設", "due_on": "x"}, key))
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body and 'value="窓口開設"' in body and key in body
    response = client.post(action(collaboration, "milestone"),
                           once({"title": "窓口開設", "due_on": "2026-06-01"}, key))
    assert response.status_code == 302
    assert collaboration.milestones.get().title == "窓口開設"


def test_an_illegal_move_through_a_page_is_refused_with_the_services_words(
    client, collaboration, department_officer
):
    client.force_login(department_officer)
    response = client.get(action(collaboration, "finish"))
    assert response.status_code == 302
    # Posted anyway (e.g. from a stale page): refused, nothing changes.
    response = client.post(action(collaboration, "finish"), {"reason": ""})
    assert response.status_code == 403 or response.status_code == 409


def test_the_partner_reports_and_the_department_reviews_through_the_pages(
    client, collaboration, department_officer, cso_member
):
    running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    client.force_login(department_officer)
    client.post(action(collaboration, "request-report"),
                once({"period": "2026年度上期", "due_on": days_from_today(30).isoformat()}))
    report = ProgressReport.objects.get()
    indicator = collaboration.indicators.get()
    report_url = reverse("collaborations:report", args=[collaboration.pk, report.pk])
    client.force_login(cso_member)
    assert f'name="actual_{indicator.pk}"' in client.get(report_url).content.decode()
    response = client.post(report_url, {"text": "来訪者が増えました",
                                        f"actual_{indicator.pk}": "1430"})
    assert response.status_code == 302
    client.force_login(department_officer)
    response = client.post(report_url, {"accept": "no", "comments": ""})
    assert "error-summary" in response.content.decode()
    client.post(report_url, {"accept": "yes", "comments": "ありがとうございます"})
    report.refresh_from_db()
    assert report.state == "accepted"
    public = client.get(reverse("collaborations:detail", args=[collaboration.pk]))
    assert "窓口来訪者数 43%増" in public.content.decode()


def test_both_sides_evaluate_through_the_pages(
    client, collaboration, department_officer, cso_member, desk_coordinator
):
    collaboration = at_state(collaboration, S.FINISHED, officer=department_officer)
    client.force_login(cso_member)
    client.post(action(collaboration, "evaluation"), once({"fiscal_year": ""}))
    evaluation = Evaluation.objects.get()
    url = reverse("collaborations:evaluation", args=[collaboration.pk, evaluation.pk])
    ratings = {"relevance": "4", "effectiveness": "4", "process": "3",
               "lessons": "役割分担を早く決める"}
    assert client.post(url, {"relevance": "4"}).status_code == 200
    assert client.post(url, ratings).status_code == 302
    client.force_login(department_officer)
    assert client.post(url, ratings).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.state == "final"
    client.force_login(desk_coordinator)
    client.post(reverse("collaborations:evaluation_publish",
                        args=[collaboration.pk, evaluation.pk]))
    client.post(action(collaboration, "publish"))
    client.logout()
    page = client.get(reverse("collaborations:detail", args=[collaboration.pk])).content.decode()
    assert "役割分担を早く決める" in page


@pytest.mark.parametrize(("prefix", "words"), [("", "協働事業"), ("/en", "Collaborations")])
def test_the_public_list_speaks_both_languages(client, db, prefix, words):
    page = client.get(prefix + "/collaborations/")
    assert page.status_code == 200 and words in page.content.decode()


def test_my_collaborations_lists_those_i_take_part_in(client, collaboration, cso_member,
                                                      other_partner_member):
    client.force_login(cso_member)
    assert collaboration.title in client.get(reverse("collaborations:mine")).content.decode()
    client.force_login(other_partner_member)
    assert collaboration.title not in client.get(reverse("collaborations:mine")).content.decode()


def test_the_desk_workspace_of_an_adopted_proposal_leads_to_its_collaboration(
    client, adopted, department_officer, desk_coordinator, cso_member
):
    from .factories import collaboration_from

    client.force_login(desk_coordinator)
    url = reverse("proposals:desk_proposal", args=[adopted.pk])
    page = client.get(url).content.decode()
    assert reverse("collaborations:new") + f"?proposal={adopted.pk}" in page
    collaboration = collaboration_from(adopted, department_officer)
    page = client.get(url).content.decode()
    assert workspace(collaboration) in page
    client.force_login(department_officer)
    decision_budget = "/desk/budget/"
    assert decision_budget in client.get(url).content.decode()
