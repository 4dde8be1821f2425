"""Department staff keep their department's catalog entries; every change is audited."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from kyoso.catalog.models import CatalogProject
from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.models import AuditEvent
from kyoso.core.text import indexed_form


def form_data(department, **overrides):
    data = {
        "department": department.pk,
        "fiscal_year": "令和8年度",
        "code": "",
        "name": "ＮＰＯ協働推進事業",
        "name_en": "",
        "purpose": "協働の推進",
        "content": "NPOと協働して事業を行う",
        "budget_yen": "2500000",
        "implementation": "outsourced",
        "beneficiaries": "県民",
        "field": "community",
        "open_to_collaboration": "on",
        "collaboration_forms": ["outsourcing", "co_hosting"],
        "contact": "協働推進課 0952-25-7000",
        "disclosed": "on",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_it_lets_an_officer_add_a_project_to_their_department(
    client, department_officer, department
):
    client.force_login(department_officer)
    response = client.post(reverse("catalog:project_create"), form_data(department))
    project = CatalogProject.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.fiscal_year == 2026
    assert project.name == "NPO協働推進事業"  # NFKC
    assert project.collaboration_forms == ["outsourcing", "co_hosting"]
    assert indexed_form("npo協働推進事業") in project.search_text
    event = AuditEvent.objects.get(action="catalog.project.create")
    assert event.actor == department_officer
    assert event.body_code == department.body.code


def test_it_keeps_what_was_typed_when_the_input_is_bad(client, department_officer, department):
    client.force_login(department_officer)
    response = client.post(
        "/en" + reverse("catalog:project_create"),
        form_data(department, budget_yen="-5", fiscal_year="平成40年度"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert CatalogProject.objects.count() == 0
    assert "Enter a fiscal year such as 2025 or 令和7年度." in body
    assert "greater than or equal to 0" in body
    assert "協働の推進" in body  # what the officer typed is still there


def test_it_refuses_departments_the_officer_does_not_keep(
    client, department_officer, other_department
):
    client.force_login(department_officer)
    response = client.post(reverse("catalog:project_create"), form_data(other_department))
    assert response.status_code == 200
    assert "department" in response.context["form"].errors
    assert CatalogProject.objects.count() == 0


def test_it_lets_an_officer_edit_their_entry(client, department_officer, department):
    project = CatalogProjectFactory(department=department, name="旧名称事業")
    client.force_login(department_officer)
    response = client.post(
        reverse("catalog:project_update", args=[project.pk]),
        form_data(department, name="新名称事業", fiscal_year="2025"),
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.name == "新名称事業"
    event = AuditEvent.objects.get(action="catalog.project.update")
    assert event.changes["name"] == ["旧名称事業", "新名称事業"]


@pytest.mark.parametrize(
    "persona", ["other_department_officer", "other_body_admin", "cso_member", "outsider"]
)
def test_it_hides_the_edit_page_from_those_who_do_not_keep_the_entry(
    client, department, persona, request
):
    project = CatalogProjectFactory(department=department)
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("catalog:project_update", args=[project.pk]), form_data(department, name="改ざん")
    )
    assert response.status_code == 404
    project.refresh_from_db()
    assert project.name != "改ざん"


def test_it_lets_a_body_administrator_edit_any_department(client, body_admin, department):
    project = CatalogProjectFactory(department=department)
    client.force_login(body_admin)
    response = client.post(
        reverse("catalog:project_update", args=[project.pk]),
        form_data(department, name="管理者が修正"),
    )
    assert response.status_code == 302


def test_it_removes_an_entry_after_confirmation(client, department_officer, department):
    project = CatalogProjectFactory(department=department)
    client.force_login(department_officer)
    assert client.get(reverse("catalog:project_delete", args=[project.pk])).status_code == 200
    response = client.post(reverse("catalog:project_delete", args=[project.pk]))
    assert response.status_code == 302
    assert not CatalogProject.objects.filter(pk=project.pk).exists()
    assert AuditEvent.objects.filter(action="catalog.project.delete").count() == 1


def test_it_lists_only_the_entries_the_officer_keeps(
    client, department_officer, department, other_department
):
    CatalogProjectFactory(department=department, name="自課の事業")
    CatalogProjectFactory(department=other_department, name="他課の事業")
    client.force_login(department_officer)
    response = client.get(reverse("catalog:manage_list"))
    names = {project.name for project in response.context["page"].object_list}
    assert names == {"自課の事業"}


@pytest.mark.parametrize("persona", ["cso_member", "outsider"])
def test_it_refuses_the_staff_pages_to_partners(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("catalog:manage_list")).status_code == 403
    assert client.get(reverse("catalog:project_create")).status_code == 403


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("catalog:manage_list"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_offers_the_import_to_body_administrators_and_the_export_to_staff(
    client, body_admin, department_officer, prefecture
):
    import_url = reverse("catalog:import", args=[prefecture.code])
    export_url = reverse("catalog:export", args=[prefecture.code, "csv"])
    client.force_login(body_admin)
    assert import_url in client.get(reverse("catalog:manage_list")).content.decode()
    client.force_login(department_officer)
    page = client.get(reverse("catalog:manage_list")).content.decode()
    assert import_url not in page
    assert export_url in page


def test_saving_the_new_form_twice_adds_the_project_once(client, department_officer, department):
    client.force_login(department_officer)
    # With a project number: the repeat must not be refused as "number already used".
    data = form_data(department, code="R8-777")
    first = client.post(reverse("catalog:project_create"), data)
    second = client.post(reverse("catalog:project_create"), data)
    project = CatalogProject.objects.get()
    assert first["Location"] == second["Location"] == project.get_absolute_url()
    assert AuditEvent.objects.filter(action="catalog.project.create").count() == 1
    # Another blank form is another project.
    client.post(reverse("catalog:project_create"), form_data(department))
    assert CatalogProject.objects.count() == 2


def test_a_refused_form_keeps_its_key_for_the_corrected_one(
    client, department_officer, department
):
    client.force_login(department_officer)
    data = form_data(department, budget_yen="-5")
    refused = client.post(reverse("catalog:project_create"), data)
    assert f'value="{data["submission_key"]}"' in refused.content.decode()
    client.post(reverse("catalog:project_create"), {**data, "budget_yen": "100"})
    assert CatalogProject.objects.get().budget_yen == 100


def test_a_key_sent_with_another_form_is_refused(client, department_officer, department):
    from kyoso.core.models import FormSubmission

    client.force_login(department_officer)
    data = form_data(department)
    FormSubmission.objects.create(user=department_officer, key=data["submission_key"],
                                  operation="proposals.create", target_id=1)
    response = client.post("/en" + reverse("catalog:project_create"), data)
    assert response.status_code == 200 and not CatalogProject.objects.exists()
    assert "This form was already sent" in response.content.decode()


@pytest.mark.parametrize(("language", "message"), [
    ("ja", "事業番号 R8-001 は2026年度(令和8年度)の「既存の事業」がすでに使っています"),
    ("en", "The project number R8-001 is already used for FY2026 (Reiwa 8) by 「既存の事業」"),
])
def test_a_project_number_taken_that_year_is_named_on_the_field(
    client, department_officer, department, language, message
):
    CatalogProjectFactory(department=department, fiscal_year=2026, code="R8-001",
                          name="既存の事業")
    client.force_login(department_officer)
    with translation.override(language):
        create, update = reverse("catalog:project_create"), "catalog:project_update"
    response = client.post(create,
                           form_data(department, code="R8-001"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "code" in response.context["form"].errors
    assert "協働の推進" in response.content.decode()
    assert CatalogProject.objects.count() == 1
    # The same number in another year, or for the entry that has it, is fine.
    other = CatalogProjectFactory(department=department, fiscal_year=2025, code="R7-009")
    with translation.override(language):
        update = reverse(update, args=[other.pk])
    response = client.post(update, form_data(department, code="R7-009", fiscal_year="2025"))
    assert response.status_code == 302
    response = client.post(update, form_data(department, code="R8-001", fiscal_year="2026"))
    assert response.status_code == 200 and "code" in response.context["form"].errors


def test_a_form_without_its_key_still_saves_what_was_typed(client, department_officer, department):
    """A page opened before the key existed, or a client that drops it."""
    client.force_login(department_officer)
    data = form_data(department)
    del data["submission_key"]
    response = client.post(reverse("catalog:project_create"), data)
    assert response.status_code == 302 and CatalogProject.objects.count() == 1


def test_a_repeat_says_the_form_was_already_sent(client, department_officer, department):
    client.force_login(department_officer)
    data = form_data(department)
    client.post(reverse("catalog:project_create"), data)
    page = client.post("/en" + reverse("catalog:project_create"), data, follow=True)
    assert "This form was already sent" in page.content.decode()
