"""Two people editing the same record: the later save is refused with a message and what was
typed is kept, instead of silently overwriting; two first budget saves do not race."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyoso.collaborations import services
from kyoso.collaborations.models import BudgetReflection
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.proposals.models import Decision

STALE = "Someone saved this while you were working on it"


def loaded_at(page: str) -> str:
    field = re.search(r'<input type="hidden" name="loaded_at"(?: value="([^"]*)")?', page)
    return field.group(1) or ""


def details(department, partner_org, **changes):
    return {"title": "総合窓口の運営", "summary": "県庁総合窓口をCSOが運営する",
            "field": PolicyField.COMMUNITY, "form": CollaborationForm.OUTSOURCING,
            "start_fiscal_year": "2026", "end_fiscal_year": "",
            "departments": [department.pk], "partners": [partner_org.pk], **changes}


def test_a_stale_edit_of_a_collaboration_is_refused_and_keeps_what_was_typed(
    client, collaboration, department_officer, desk_coordinator, department, partner_org
):
    url = reverse("collaborations:edit", args=[collaboration.pk])
    client.force_login(department_officer)
    page = client.get("/en" + url).content.decode()
    # Meanwhile the desk saves its own change.
    services.collaboration_update(
        actor=desk_coordinator, collaboration=collaboration, title="窓口の運営（課長修正）",
        summary="県庁総合窓口をCSOが運営する", field=PolicyField.COMMUNITY,
        form=CollaborationForm.OUTSOURCING, start_fiscal_year=2026, end_fiscal_year=None,
        departments=[department], partners=[partner_org])
    response = client.post("/en" + url, details(department, partner_org, title="担当者の案",
                                                loaded_at=loaded_at(page)))
    assert response.status_code == 409
    page = response.content.decode()
    assert STALE in page and 'value="担当者の案"' in page
    collaboration.refresh_from_db()
    assert collaboration.title == "窓口の運営（課長修正）"
    # Having seen the message, saving again goes through.
    response = client.post(url, details(department, partner_org, title="担当者の案",
                                        loaded_at=loaded_at(page)))
    assert response.status_code == 302
    collaboration.refresh_from_db()
    assert collaboration.title == "担当者の案"


def test_a_stale_budget_save_is_refused_and_keeps_what_was_typed(
    client, adopted, department_officer, desk_coordinator
):
    decision = Decision.objects.get(assignment__proposal=adopted)
    url = "/en" + reverse("collaborations:budget", args=[decision.pk])
    client.force_login(department_officer)
    page = client.get(url).content.decode()
    services.budget_record(actor=desk_coordinator, decision=decision, status="requested",
                           amount_yen=800_000, fiscal_year=2027, expected_updated_at=None)
    typed = {"status": "reflected", "amount_yen": "750000", "fiscal_year": "2027",
             "loaded_at": loaded_at(page)}
    response = client.post(url, typed)
    assert response.status_code == 409
    page = response.content.decode()
    assert STALE in page and 'value="750000"' in page
    assert BudgetReflection.objects.get().amount_yen == 800_000
    response = client.post(url, {**typed, "loaded_at": loaded_at(page)})
    assert response.status_code == 302
    assert BudgetReflection.objects.get().amount_yen == 750_000


@pytest.mark.skipif(not connection.features.has_select_for_update,
                    reason="the database has no row locks")
def test_the_first_budget_save_locks_the_decision_before_looking_for_a_record(
    adopted, desk_coordinator
):
    decision = Decision.objects.get(assignment__proposal=adopted)
    with CaptureQueriesContext(connection) as queries:
        services.budget_record(actor=desk_coordinator, decision=decision,
                               status="not_reflected")
    sql = [q["sql"] for q in queries.captured_queries]
    locked = next(i for i, s in enumerate(sql) if "FOR UPDATE" in s)
    looked = next(i for i, s in enumerate(sql) if "collaborations_budgetreflection" in s)
    assert '"proposals_decision"' in sql[locked] and locked < looked
