"""An amendment may take away the end of an agreement's term (無期限にする).

Before, a change of the end was told by ``ends_on_after`` alone, so "no fixed end after" could
not be recorded. ``changes_end`` now says it; existing amendments that set an end are marked.
"""

from django.conf import settings
from django.db import migrations, models


def mark_changes_of_the_end(apps, schema_editor):
    Amendment = apps.get_model("agreements", "Amendment")
    Amendment.objects.filter(ends_on_after__isnull=False).update(changes_end=True)


class Migration(migrations.Migration):

    dependencies = [
        ("agreements", "0003_public_list_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="amendment",
            name="changes_end",
            field=models.BooleanField(db_default=False, default=False,
                                      verbose_name="changes the end of the term"),
        ),
        migrations.RunPython(mark_changes_of_the_end, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="amendment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("changes_end", False), ("ends_on_after__isnull", True),
                             ("ends_on_before__isnull", True)),
                    models.Q(("changes_end", True), ("ends_on_before__isnull", False)),
                    models.Q(("changes_end", True), ("ends_on_after__isnull", False)),
                    _connector="OR",
                ),
                name="amendment_end_before_or_after",
            ),
        ),
    ]
