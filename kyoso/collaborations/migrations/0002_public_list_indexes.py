"""Indexes of the public list of collaborations (see docs/collaborations.md).

- the list's order over published collaborations (newest first fiscal year, then publication):
  pages and the capped count read it instead of the table, its ends give the first and last
  fiscal year offered;
- the last fiscal year of published ones (open-ended first), for the same choices;
- the newest change, under which each process keeps the partners offered (kyoso.core.memo);
- on PostgreSQL, a trigram index over the search key of published ones, as the catalog's:
  ``search_text`` holds every character doubled (``kyoso.core.text.indexed_form``), so the
  two-character words most Japanese searches are (地域, 福祉) become trigrams it can use.
"""

from django.db import migrations, models

from kyoso.core.migration_operations import PostgreSQLOnly


class Migration(migrations.Migration):
    dependencies = [("collaborations", "0001_collaborations_progress_evaluation_budget")]

    operations = [
        migrations.AddIndex(
            model_name="collaboration",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["-start_fiscal_year", "-published_at", "-id"],
                name="collab_public_order_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="collaboration",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["end_fiscal_year"], name="collab_public_end_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="collaboration",
            index=models.Index(fields=["updated_at"], name="collab_updated_idx"),
        ),
        PostgreSQLOnly("CREATE EXTENSION IF NOT EXISTS pg_trgm;", migrations.RunSQL.noop),
        PostgreSQLOnly(
            "CREATE INDEX IF NOT EXISTS collab_search_trgm_idx ON collaborations_collaboration "
            "USING gin (search_text gin_trgm_ops) WHERE published_at IS NOT NULL;",
            "DROP INDEX IF EXISTS collab_search_trgm_idx;",
        ),
    ]
