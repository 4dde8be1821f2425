from django.db.models import Count

from kyoso.catalog.models import CatalogProject
from kyoso.core.choices import CollaborationForm, PolicyField
from kyoso.core.text import indexed_form, search_key


def test_it_discloses_about_two_thousand_prefectural_projects_this_year(seeded):
    saga = CatalogProject.objects.filter(body__code="410004")
    assert 1_900 <= saga.filter(fiscal_year=2026).count() <= 2_100
    assert saga.filter(fiscal_year=2025).count() > 500
    assert saga.filter(name="有明海再生事業", fiscal_year=2026, disclosed=True).exists()


def test_it_gives_every_municipality_a_few_hundred_projects(seeded):
    per_body = (
        CatalogProject.objects.filter(fiscal_year=2026, body__kind="municipality")
        .values("body__code").annotate(n=Count("id"))
    )
    assert len(per_body) == 20
    assert all(150 <= row["n"] <= 400 for row in per_body)


def test_it_keeps_a_few_projects_undisclosed(seeded):
    hidden = CatalogProject.objects.filter(disclosed=False).count()
    assert 0 < hidden < CatalogProject.objects.count() * 0.03


def test_it_fills_search_text_although_bulk_create_skips_save(seeded):
    project = CatalogProject.objects.filter(name__contains="子育て").first()
    assert project.search_text == project.build_search_text()
    assert indexed_form(search_key("子育て")) in project.search_text
    assert CatalogProject.objects.filter(search_text="").count() == 0


def test_it_uses_known_fields_forms_and_thousand_yen_budgets(seeded):
    projects = CatalogProject.objects.all()
    assert set(projects.values_list("field", flat=True)) <= set(PolicyField.values)
    forms = {form for row in projects.values_list("collaboration_forms", flat=True) for form in row}
    assert forms == set(CollaborationForm.values)
    budgets = [b for b in projects.values_list("budget_yen", flat=True) if b]
    assert all(budget % 1000 == 0 for budget in budgets)
    budgets.sort()
    median, top = budgets[len(budgets) // 2], budgets[-len(budgets) // 100]
    assert top > 20 * median  # skewed: a few very large projects
    assert projects.filter(open_to_collaboration=True).count() > projects.count() * 0.6
    assert projects.exclude(name_en="").exists()
