"""Store search keys with every character doubled, so two-character words use the index.

See ``kyoso.core.text.indexed_form``. Existing rows are recomputed in batches.
"""

from django.db import migrations

BATCH = 2000


def recompute(apps, schema_editor):
    from kyoso.core.text import indexed_form, search_key

    CatalogProject = apps.get_model("catalog", "CatalogProject")
    Department = apps.get_model("organizations", "Department")
    names = dict(Department.objects.values_list("pk", "name"))
    last = 0
    while True:
        batch = list(CatalogProject.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            break
        for project in batch:
            parts = [project.name, project.name_en, project.code, names.get(project.department_id, ""),
                     project.purpose, project.content, project.beneficiaries]
            project.search_text = indexed_form(search_key(" ".join(p for p in parts if p)))
        CatalogProject.objects.bulk_update(batch, ["search_text"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_catalog_indexes_follow_list_order"),
        ("organizations", "0001_initial"),
    ]
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
