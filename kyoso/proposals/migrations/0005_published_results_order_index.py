"""An index in the order of a body's public results page: its published results, newest decision
first (``kyoso.proposals.results.published_results``).

Without it the page read every proposal of the body and sorted the published ones: 58 ms for
Saga's 3,500 results among a million proposals (docs/benchmarks.md). Plain SQL, valid on
PostgreSQL and SQLite alike (both have partial indexes); it is not in the model's Meta, so the
model state does not change.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_decision_countersign_refusal_and_disclosure_review")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS proposal_published_order_idx ON proposals_proposal "
            "(body_id, decided_at DESC, id DESC) WHERE published_at IS NOT NULL;",
            "DROP INDEX IF EXISTS proposal_published_order_idx;",
        ),
    ]
