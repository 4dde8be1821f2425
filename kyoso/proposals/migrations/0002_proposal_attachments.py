# Attachments of proposals: files checked by content and size, confidential like sections.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import kyoso.proposals.models.attachments


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_proposals_routing_decisions_consultation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProposalAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(editable=False, max_length=32, unique=True)),
                (
                    "file",
                    models.FileField(
                        max_length=200,
                        upload_to=kyoso.proposals.models.attachments.attachment_path,
                        verbose_name="file",
                    ),
                ),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                (
                    "confidential",
                    models.BooleanField(
                        default=False,
                        help_text="Only your organization, the desk and the assigned departments may open it.",
                        verbose_name="confidential (idea protection)",
                    ),
                ),
                ("uploaded_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                (
                    "proposal",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="proposals.proposal",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "attachment",
                "verbose_name_plural": "attachments",
                "ordering": ["proposal", "uploaded_at", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("size__lte", 10485760)), name="attachment_size_limit"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "content_type__in",
                                [
                                    "application/pdf",
                                    "image/png",
                                    "image/jpeg",
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                ],
                            )
                        ),
                        name="attachment_type_allowed",
                    ),
                ],
            },
        ),
    ]
