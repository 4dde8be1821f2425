"""The case library (事例集): published good practice drawn from collaborations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kyoso.core.choices import PolicyField
from kyoso.core.models import TimeStampedModel
from kyoso.core.text import indexed_form, search_key


class CaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def search(self, terms: list[str]):
        queryset = self
        for term in terms:
            queryset = queryset.filter(search_text__contains=indexed_form(term))
        return queryset


class Case(TimeStampedModel):
    """A good practice: what was done, with whom, what came of it, what worked, what was learnt."""

    body = models.ForeignKey(
        "organizations.GovernmentBody", verbose_name=_("government body"),
        on_delete=models.PROTECT, related_name="cases",
    )
    collaboration = models.OneToOneField(
        "collaborations.Collaboration", verbose_name=_("collaboration"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="case",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    outcomes = models.TextField(_("outcomes"), blank=True)
    what_worked = models.TextField(_("what worked"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    partners_text = models.CharField(_("partners"), max_length=500, blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.TextField(editable=False, default="")

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="case_has_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.pk])

    def get_fields_display(self) -> list[str]:
        labels = dict(PolicyField.choices)
        return [str(labels[code]) for code in self.fields if code in labels]

    def save(self, *args, **kwargs):
        parts = [self.title, self.summary, self.outcomes, self.what_worked, self.lessons,
                 self.partners_text]
        self.search_text = indexed_form(search_key(" ".join(p for p in parts if p)))
        super().save(*args, **kwargs)
