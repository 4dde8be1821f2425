"""Store search keys with every character doubled, so two-character words use the index.

See ``kyoso.core.text.indexed_form``. Existing rows are recomputed in batches.
"""

from django.db import migrations

BATCH = 2000


def recompute(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Millions of rows: double the stored keys in one statement, without the index meanwhile.
        schema_editor.execute("DROP INDEX IF EXISTS catalog_search_trgm_idx")
        schema_editor.execute(
            "UPDATE catalog_catalogproject SET search_text = regexp_replace(search_text, '(.)', "
            "'\\1\\1', 'g') WHERE search_text <> ''"
        )
        schema_editor.execute(
            "CREATE INDEX catalog_search_trgm_idx ON catalog_catalogproject "
            "USING gin (search_text gin_trgm_ops)"
        )
        return
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
