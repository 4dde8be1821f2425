"""Indexes of the public list (docs/agreements.md): published agreements in the list's order
(newest signing first), alone and within a fiscal year, partial (published states only), so
pages and the capped count read the index instead of the table; and the newest change, under
which each process keeps the list's filter choices (kyoso.core.memo)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_amendments")]

    operations = [
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                condition=models.Q(
                    ("state__in", ("signed", "active", "renewed", "expired", "terminated"))
                ),
                fields=["-signed_on", "-id"], name="agreement_public_order_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                condition=models.Q(
                    ("state__in", ("signed", "active", "renewed", "expired", "terminated"))
                ),
                fields=["fiscal_year", "-signed_on", "-id"], name="agreement_public_fy_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["updated_at"], name="agreement_updated_idx"),
        ),
    ]
