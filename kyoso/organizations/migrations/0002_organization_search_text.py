"""Organizations keep the search key of their names, as catalog projects, agreements and
collaborations do: the directory and every partner search compare search keys (width, case and
kana do not matter), and PostgreSQL finds them through a trigram index."""

from django.db import migrations, models

from kyoso.core.migration_operations import PostgreSQLOnly
from kyoso.core.text import indexed_form, search_key


def fill_search_text(apps, schema_editor):
    Organization = apps.get_model("organizations", "Organization")
    batch = []
    for organization in Organization.objects.only("name", "name_kana", "name_en").iterator(
        chunk_size=2000
    ):
        names = (organization.name, organization.name_kana, organization.name_en)
        organization.search_text = indexed_form(search_key(" ".join(n for n in names if n)))
        batch.append(organization)
        if len(batch) >= 2000:
            Organization.objects.bulk_update(batch, ["search_text"])
            batch = []
    Organization.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=True),
        PostgreSQLOnly("CREATE EXTENSION IF NOT EXISTS pg_trgm;", migrations.RunSQL.noop),
        PostgreSQLOnly(
            "CREATE INDEX IF NOT EXISTS organization_search_trgm_idx "
            "ON organizations_organization USING gin (search_text gin_trgm_ops);",
            "DROP INDEX IF EXISTS organization_search_trgm_idx;",
        ),
    ]
