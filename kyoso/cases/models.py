"""The case library (事例集): published good practice drawn from collaborations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
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
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.TextField(_("summary"))
    summary_en = models.TextField(_("summary in English"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    outcomes_en = models.TextField(_("outcomes in English"), blank=True)
    what_worked = models.TextField(_("what worked"), blank=True)
    what_worked_en = models.TextField(_("what worked, in English"), blank=True)
    lessons = models.TextField(_("lessons"), blank=True)
    lessons_en = models.TextField(_("lessons in English"), blank=True)
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

    def _localized(self, name: str) -> str:
        english = getattr(self, f"{name}_en")
        if english and (get_language() or "").startswith("en"):
            return english
        return getattr(self, name)

    # Each text in the reader's language: the English one where the desk wrote it.
    def localized_title(self) -> str:
        return self._localized("title")

    def localized_summary(self) -> str:
        return self._localized("summary")

    def localized_outcomes(self) -> str:
        return self._localized("outcomes")

    def localized_what_worked(self) -> str:
        return self._localized("what_worked")

    def localized_lessons(self) -> str:
        return self._localized("lessons")

    def save(self, *args, **kwargs):
        parts = [getattr(self, name) for name in TEXTS]
        self.search_text = indexed_form(search_key(" ".join(p for p in parts if p)))
        fields = kwargs.get("update_fields")
        if fields is not None and set(fields) & set(TEXTS):
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)


# The texts of a case, both languages: what the desk edits, and what search reads.
TEXTS = (
    "title", "title_en", "summary", "summary_en", "outcomes", "outcomes_en", "what_worked",
    "what_worked_en", "lessons", "lessons_en", "partners_text",
)
