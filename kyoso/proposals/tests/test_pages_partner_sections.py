"""Each section is its own page, saved as the draft on every submit — also on a mistake."""

from kyoso.catalog.tests.factories import CatalogProjectFactory
from kyoso.core.models import AuditEvent

from .partner_pages import signed_in, url


def test_it_saves_a_section_and_goes_on_to_the_next(client, cso_member, draft):
    response = signed_in(client, cso_member).post(
        url("section", draft.pk, "background"),
        {"background": "空き家が増えている", "action": "continue"},
    )
    assert response.url == url("section", draft.pk, "content")
    draft.refresh_from_db()
    assert draft.background == "空き家が増えている"
    assert AuditEvent.objects.filter(action="proposals.update_draft").exists()


def test_it_saves_what_is_valid_and_keeps_what_was_typed_on_invalid_input(
    client, cso_member, draft
):
    response = signed_in(client, cso_member).post(
        url("section", draft.pk, "budget", language="en"),
        {"budget_yen": "たくさん", "funding": "contract", "action": "continue"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and 'value="たくさん"' in html
    assert "Enter the amount in yen as a whole number" in html
    draft.refresh_from_db()
    assert draft.funding == "contract" and draft.budget_yen is None


def test_it_saves_the_other_fields_when_the_title_is_too_long(client, cso_member, draft):
    response = signed_in(client, cso_member).post(
        url("section", draft.pk, "about"),
        {"title": "長" * 201, "kind": "themed", "is_new_project": "on", "action": "return"},
    )
    assert response.status_code == 200
    assert "長" * 201 in response.content.decode()
    draft.refresh_from_db()
    assert draft.kind == "themed" and draft.title != "長" * 201


def test_it_reads_budgets_typed_with_full_width_digits_and_commas(client, cso_member, draft):
    signed_in(client, cso_member).post(
        url("section", draft.pk, "budget"),
        {"budget_yen": "１，２００，０００円", "funding": "contract"},
    )
    draft.refresh_from_db()
    assert draft.budget_yen == 1_200_000


def test_it_marks_a_section_confidential_and_lifts_it_again(client, cso_member, draft):
    client = signed_in(client, cso_member)
    client.post(url("section", draft.pk, "content"), {"content": "秘密の案", "confidential": "on"})
    draft.refresh_from_db()
    assert draft.confidential_sections == ["content"]
    client.post(url("section", draft.pk, "schedule"), {"schedule": "4月準備", "confidential": "on"})
    client.post(url("section", draft.pk, "content"), {"content": "秘密の案"})
    draft.refresh_from_db()
    assert draft.confidential_sections == ["schedule"]


def test_it_adds_projects_found_by_search_and_removes_unticked_ones(
    client, cso_member, draft, department
):
    first = CatalogProjectFactory(department=department, name="子育て支援センター運営事業")
    second = CatalogProjectFactory(department=department, name="子育てひろば開設事業")
    client = signed_in(client, cso_member)
    response = client.post(url("section", draft.pk, "about"), {
        "title": draft.title, "kind": "free", "action": "search", "search": "ひろば",
    })
    assert response.status_code == 302 and "q=" in response.url
    page = client.get(response.url).content.decode()
    assert "子育てひろば開設事業" in page and "子育て支援センター運営事業" not in page
    client.post(url("section", draft.pk, "about"), {
        "title": draft.title, "kind": "free", "target_projects": [second.pk, first.pk],
    })
    assert set(draft.target_projects.all()) == {first, second}
    client.post(url("section", draft.pk, "about"), {
        "title": draft.title, "kind": "free", "target_projects": [first.pk],
    })
    assert list(draft.target_projects.all()) == [first]


def test_it_shows_the_status_of_each_section_on_the_task_list(client, cso_member, prefecture):
    from .factories import make_draft

    empty = make_draft(
        cso_member, prefecture, title="", background="", content="", expected_effect="",
        collaboration_form="", is_new_project=False,
    )
    html = signed_in(client, cso_member).get(url("task_list", empty.pk, language="en"))
    html = html.content.decode()
    assert html.count("Not started") == 9 and "Completed" not in html
    client.post(url("section", empty.pk, "background"), {"background": "理由"})
    html = client.get(url("task_list", empty.pk, language="en")).content.decode()
    assert html.count("Completed") == 1


def test_it_refuses_an_amount_beyond_any_budget_and_keeps_it(client, cso_member, draft):
    response = signed_in(client, cso_member).post(
        url("section", draft.pk, "budget", language="en"),
        {"budget_yen": "99999999999999999999", "funding": "contract"},
    )
    html = response.content.decode()
    assert "This amount is too large" in html and "99999999999999999999" in html
    draft.refresh_from_db()
    assert draft.budget_yen is None
