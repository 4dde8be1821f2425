"""A form that adds something, sent twice (a double click, a page sent again), adds it once and
tells the other party once: the collaboration itself, and each record of its workspace."""

import re
import uuid

import pytest
from django.urls import reverse

from kyoso.agreements.tests.factories import make_agreement, walk
from kyoso.collaborations.models import (
    Activity,
    Collaboration,
    Contact,
    Evaluation,
    Indicator,
    IndicatorActual,
    Milestone,
    ProgressReport,
)
from kyoso.core.choices import PolicyField
from kyoso.notifications.models import Notice

from .factories import at_state, days_from_today, once, running, with_visitors

S = Collaboration.State

RECORDS = {
    "milestone": (Milestone, {"title": "窓口開設", "due_on": "2026-06-01"}),
    "contact": (Contact, {"side": "government", "name": "佐賀 花子", "role": "主査",
                          "email": "", "phone": ""}),
    "indicator": (Indicator, {"name": "相談件数", "unit": "件", "baseline": "100",
                              "baseline_period": "", "target": "150"}),
    "request-report": (ProgressReport, {"period": "2026年度上期",
                                        "due_on": days_from_today(30).isoformat()}),
    "activity": (Activity, {"held_on": "2026-05-01", "title": "連携会議", "place": "県庁",
                            "participants": "", "participant_count": "8"}),
    "evaluation": (Evaluation, {"fiscal_year": "2026"}),
}


def workspace(collaboration):
    return reverse("collaborations:workspace", args=[collaboration.pk])


def key_on(page: str) -> str:
    return re.search(r'name="submission_key" value="([^"]+)"', page)[1]


@pytest.mark.parametrize("slug", list(RECORDS))
def test_a_record_sent_twice_is_added_once(client, collaboration, department_officer, slug):
    collaboration = running(collaboration, department_officer)
    model, data = RECORDS[slug]
    client.force_login(department_officer)
    url = reverse("collaborations:action", args=[collaboration.pk, slug])
    form_page = client.get(url).content.decode()
    key = key_on(form_page)
    assert 'type="hidden" name="submission_key"' in form_page
    first = client.post(url, {**data, "submission_key": key})
    second = client.post(url, {**data, "submission_key": key})
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == workspace(collaboration)
    assert model.objects.count() == 1
    # Another form (a new key) adds another record.
    if slug not in ("evaluation",):
        client.post(url, once(data))
        assert model.objects.count() == 2


def test_the_partner_is_asked_for_a_report_once(client, collaboration, department_officer,
                                                cso_member):
    collaboration = running(collaboration, department_officer)
    Notice.objects.all().delete()
    client.force_login(department_officer)
    url = reverse("collaborations:action", args=[collaboration.pk, "request-report"])
    data = once(RECORDS["request-report"][1])
    client.post(url, data)
    client.post(url, data)
    assert ProgressReport.objects.count() == 1
    assert Notice.objects.filter(recipient=cso_member).count() == 1


def test_a_key_is_kept_while_mistakes_are_corrected(client, collaboration, department_officer):
    collaboration = running(collaboration, department_officer)
    client.force_login(department_officer)
    url = reverse("collaborations:action", args=[collaboration.pk, "milestone"])
    key = str(uuid.uuid4())
    wrong = client.post(url, {"title": "窓口開設", "due_on": "", "submission_key": key})
    assert wrong.status_code == 200 and key_on(wrong.content.decode()) == key
    assert client.post(url, {"title": "窓口開設", "due_on": "2026-06-01",
                             "submission_key": key}).status_code == 302
    assert Milestone.objects.count() == 1


def test_an_actual_value_sent_twice_counts_once(client, collaboration, department_officer):
    collaboration = running(collaboration, department_officer)
    with_visitors(collaboration, department_officer)
    indicator = collaboration.indicators.get()
    client.force_login(department_officer)
    url = reverse("collaborations:actual", args=[collaboration.pk, indicator.pk])
    assert 'name="submission_key"' in client.get(url).content.decode()
    data = once({"period": "2026年度上期", "measured_on": "2026-09-30", "value": "1200"})
    for _ in range(2):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url == workspace(collaboration)
    assert IndicatorActual.objects.count() == 1


def test_the_final_evaluation_sent_twice_is_started_once_without_an_error(
    client, collaboration, department_officer
):
    collaboration = at_state(collaboration, S.FINISHED, officer=department_officer)
    client.force_login(department_officer)
    url = reverse("collaborations:action", args=[collaboration.pk, "evaluation"])
    data = once({"fiscal_year": ""})
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # not 409 "already started"
    assert Evaluation.objects.count() == 1


def test_a_collaboration_sent_twice_is_set_up_once(client, adopted, department, department_officer,
                                                   partner_org):
    client.force_login(department_officer)
    url = reverse("collaborations:new") + f"?proposal={adopted.pk}"
    key = key_on(client.get(url).content.decode())
    data = {"title": adopted.title, "summary": "総合窓口をCSOが運営する",
            "field": PolicyField.COMMUNITY, "form": "outsourcing",
            "start_fiscal_year": "令和8年度", "end_fiscal_year": "",
            "departments": [department.pk], "partners": [partner_org.pk],
            "submission_key": key}
    first = client.post(url, data)
    second = client.post(url, data)
    collaboration = Collaboration.objects.get()
    assert first.url == second.url == workspace(collaboration)


def test_a_collaboration_of_the_body_sent_twice_is_set_up_once(client, department, prefecture,
                                                               desk_coordinator):
    from kyoso.organizations.tests.factories import OrganizationFactory

    partner_org = OrganizationFactory(prefecture=prefecture)
    client.force_login(desk_coordinator)
    url = reverse("collaborations:new")
    key = key_on(client.get(url).content.decode())
    data = {"title": "防災訓練の共同開催", "summary": "地域の防災訓練を共催する",
            "field": PolicyField.COMMUNITY, "form": "co_hosting",
            "start_fiscal_year": "2026", "end_fiscal_year": "",
            "departments": [department.pk], "partners": [partner_org.pk],
            "submission_key": key}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    collaboration = Collaboration.objects.get()
    assert first.url == second.url == workspace(collaboration)


def test_an_activity_under_an_agreement_sent_twice_is_logged_once(
    client, desk_coordinator, prefecture, partner_org, cso_member
):
    agreement = walk(make_agreement(desk_coordinator, prefecture, partners=[partner_org]),
                     "active", desk=desk_coordinator)
    client.force_login(cso_member)
    url = reverse("collaborations:agreement_activities", args=[agreement.pk])
    key = key_on(client.get(url).content.decode())
    data = {**RECORDS["activity"][1], "submission_key": key}
    for _ in range(2):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url == url
    assert Activity.objects.filter(agreement=agreement).count() == 1
