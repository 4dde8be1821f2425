"""The case library: a published collaboration becomes a case in one action, prefilled from the
collaboration and its evaluation; the public reads published cases, searchable by words and
field."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kyoso.cases import services
from kyoso.cases.models import Case
from kyoso.collaborations import services as collaboration_services
from kyoso.collaborations.models import Collaboration
from kyoso.collaborations.tests.conftest import adopted, collaboration, partner_org  # noqa: F401
from kyoso.collaborations.tests.factories import at_state, with_visitors

S = Collaboration.State


@pytest.fixture
def published(collaboration, department_officer, desk_coordinator, cso_member):  # noqa: F811
    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    with_visitors(collaboration, department_officer)
    collaboration_services.actual_record(
        actor=department_officer, indicator=collaboration.indicators.get(), period="2025年度",
        measured_on=dt.date(2026, 3, 31), value=Decimal(1430))
    collaboration = collaboration_services.collaboration_finish(
        actor=department_officer, collaboration=collaboration)
    evaluation = collaboration_services.evaluation_start(actor=department_officer,
                                                         collaboration=collaboration)
    ratings = {"relevance": 4, "effectiveness": 4, "process": 3}
    collaboration_services.evaluation_side_submit(
        actor=department_officer, evaluation=evaluation, ratings=ratings,
        comments={"effectiveness": "来訪者が大きく増えた"}, lessons="情報発信の一体化が鍵")
    collaboration_services.evaluation_side_submit(
        actor=cso_member, evaluation=evaluation, ratings=ratings,
        lessons="県職員との定例会議が有効だった")
    collaboration_services.evaluation_publish(actor=desk_coordinator, evaluation=evaluation)
    collaboration.refresh_from_db()
    return collaboration_services.collaboration_publish(actor=desk_coordinator,
                                                        collaboration=collaboration)


def test_it_makes_a_case_in_one_action_prefilled(published, desk_coordinator):
    case = services.case_create_from_collaboration(actor=desk_coordinator,
                                                   collaboration=published)
    assert case.title == published.title
    assert case.outcomes == "窓口来訪者数 43%増"
    assert "来訪者が大きく増えた" in case.what_worked
    assert "情報発信の一体化が鍵" in case.lessons and "定例会議" in case.lessons
    assert case.fields == [published.field]
    assert case.published_at is not None


def _evaluate(work, officer, partner, *, fiscal_year=None, said):
    evaluation = collaboration_services.evaluation_start(
        actor=officer, collaboration=work, fiscal_year=fiscal_year)
    ratings = {"relevance": 3, "effectiveness": 3, "process": 3}
    collaboration_services.evaluation_side_submit(
        actor=officer, evaluation=evaluation, ratings=ratings,
        comments={"effectiveness": said}, lessons=f"{said}の教訓")
    collaboration_services.evaluation_side_submit(actor=partner, evaluation=evaluation,
                                                  ratings=ratings)
    return evaluation


def test_it_prefills_only_from_published_evaluations_the_final_one_first(
    collaboration, department_officer, desk_coordinator, cso_member  # noqa: F811
):
    collaboration = at_state(collaboration, S.RUNNING, officer=department_officer)
    first, second = collaboration.start_fiscal_year, collaboration.start_fiscal_year + 1
    older = _evaluate(collaboration, department_officer, cso_member, fiscal_year=first,
                      said="初年度の評価")
    later = _evaluate(collaboration, department_officer, cso_member, fiscal_year=second,
                      said="次年度の評価")
    collaboration = collaboration_services.collaboration_finish(
        actor=department_officer, collaboration=collaboration)
    final = _evaluate(collaboration, department_officer, cso_member, said="最終の内部評価")
    # Nothing published: nothing of the evaluations is offered for the public case.
    texts = services.prefill(collaboration)
    assert texts["what_worked"] == "" and texts["lessons"] == ""
    for evaluation in (older, later):
        collaboration_services.evaluation_publish(actor=desk_coordinator, evaluation=evaluation)
    texts = services.prefill(collaboration)
    assert "次年度の評価" in texts["what_worked"] and "初年度" not in texts["what_worked"]
    assert "最終の内部評価" not in texts["what_worked"] + texts["lessons"]
    collaboration_services.evaluation_publish(actor=desk_coordinator, evaluation=final)
    texts = services.prefill(collaboration)
    assert "最終の内部評価" in texts["what_worked"] and "次年度" not in texts["what_worked"]


def test_it_refuses_a_second_case_and_anyone_but_the_desk(
    published, desk_coordinator, department_officer, cso_member, other_body_admin
):
    for person in (department_officer, cso_member, other_body_admin):
        with pytest.raises(PermissionDenied):
            services.case_create_from_collaboration(actor=person, collaboration=published)
    services.case_create_from_collaboration(actor=desk_coordinator, collaboration=published)
    with pytest.raises(ValidationError):
        services.case_create_from_collaboration(actor=desk_coordinator,
                                                collaboration=published)


def test_it_answers_a_case_made_meanwhile_with_the_same_error_not_a_crash(
    published, desk_coordinator, monkeypatch
):
    """The other click's case is committed between the check and the insert."""
    real_prefill = services.prefill

    def prefill_while_the_other_click_commits(work):
        Case.objects.create(body=work.body, collaboration=work, title="先のクリック",
                            summary="概要")
        return real_prefill(work)

    monkeypatch.setattr(services, "prefill", prefill_while_the_other_click_commits)
    with pytest.raises(ValidationError) as caught:
        services.case_create_from_collaboration(actor=desk_coordinator,
                                                collaboration=published)
    assert caught.value.code == "exists"


def test_it_takes_a_second_click_to_the_case_already_made(client, published,
                                                          desk_coordinator):
    client.force_login(desk_coordinator)
    url = reverse("cases:new", args=[published.pk])
    data = {"title": "県庁総合窓口", "summary": "概要", "publish": ""}
    client.post(url, data)
    case = Case.objects.get()
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == reverse("cases:detail",
                                                                   args=[case.pk])


def test_it_needs_a_published_collaboration(collaboration, desk_coordinator):  # noqa: F811
    with pytest.raises(PermissionDenied):
        services.case_create_from_collaboration(actor=desk_coordinator,
                                                collaboration=collaboration)


def test_the_desk_makes_it_through_the_page(client, published, desk_coordinator):
    client.force_login(desk_coordinator)
    url = reverse("cases:new", args=[published.pk])
    page = client.get(url).content.decode()
    assert "窓口来訪者数 43%増" in page
    response = client.post(url, {"title": "県庁総合窓口のCSO運営", "summary": "概要",
                                 "outcomes": "来訪者43%増", "what_worked": "",
                                 "lessons": "", "publish": "on"})
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == reverse("cases:detail",
                                                                   args=[case.pk])
    assert case.title == "県庁総合窓口のCSO運営"


def test_the_public_reads_published_cases_only(client, published, desk_coordinator):
    draft = services.case_create_from_collaboration(actor=desk_coordinator,
                                                    collaboration=published, publish=False)
    assert client.get(reverse("cases:detail", args=[draft.pk])).status_code == 404
    assert draft.title not in client.get(reverse("cases:list")).content.decode()
    client.force_login(desk_coordinator)
    client.post(reverse("cases:publish", args=[draft.pk]))
    client.logout()
    assert client.get(reverse("cases:detail", args=[draft.pk])).status_code == 200
    for query, found in (({"q": "まどぐち"}, False), ({"q": "総合窓口"}, True),
                         ({"field": "community"}, True), ({"field": "tourism"}, False)):
        page = client.get(reverse("cases:list"), query).content.decode()
        assert (draft.title in page) is found, query


def test_the_api_lists_published_cases(client, published, desk_coordinator):
    services.case_create_from_collaboration(actor=desk_coordinator, collaboration=published)
    data = client.get("/api/v1/cases").json()
    assert data["count"] == 1
    assert data["results"][0]["collaboration_id"] == published.pk
    assert client.get(f"/api/v1/cases/{data['results'][0]['id']}").status_code == 200


@pytest.mark.parametrize(("prefix", "words"), [("", "事例集"), ("/en", "Case library")])
def test_the_case_library_speaks_both_languages(client, db, prefix, words):
    page = client.get(prefix + "/cases/")
    assert page.status_code == 200 and words in page.content.decode()
